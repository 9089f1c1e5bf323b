import { describe, expect, it } from "vitest";
import { pngSize, svgSize } from "../../../app/components/outputs/image-size";
import { chooseMime } from "../../../app/components/outputs/mime";
import image from "../../../app/dev/outputs/fixtures/image.json";

describe("intrinsic image sizes", () => {
  it("reads a PNG's size from its header (the generator wrote a 240×120 PNG)", () => {
    expect(pngSize(image.png)).toEqual({ width: image.width, height: image.height });
    expect(pngSize("R0lGODlhAQABAAAAACw=")).toBeNull(); // a GIF
    expect(pngSize("%%%")).toBeNull();
  });

  it("reserves a PNG's box from its header when the metadata gives no size, scaling a single given side", () => {
    expect(chooseMime({ "image/png": image.png }, {}).view).toMatchObject({ width: 240, height: 120 });
    expect(chooseMime({ "image/png": image.png }, { "image/png": { width: 120 } }).view).toMatchObject({ width: 120, height: 60 });
  });

  it("reads the root svg element's width and height in pixels", () => {
    expect(svgSize('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="220" height="90.5px"><g width="1"/></svg>')).toEqual({ width: 220, height: 90.5 });
    expect(svgSize('<svg width="100%" height="4em"></svg>')).toBeNull();
    expect(svgSize("<div></div>")).toBeNull();
  });
});
