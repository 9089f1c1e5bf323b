# A script ending in sys.exit(main()): main returns 0 after its report, so the run succeeds
import sys

def main(argv=None):
    argv = argv if argv is not None else ["--quick"]
    quick = "--quick" in argv
    print(f"running {'one config' if quick else 'full sweep'} (argv={argv})")
    try:
        sys.exit(3)
    except SystemExit as e:
        print("inner SystemExit caught:", e.code, repr(e))
    for code in (None, "message"):
        try:
            sys.exit(code)
        except SystemExit as e:
            print("code:", e.code, isinstance(e, BaseException), isinstance(e, Exception))
    print("done")
    return 0

if __name__ == "__main__":
    sys.exit(main())
