# os.path's string functions (posixpath): join, split, basename, dirname, splitext, isabs, normpath.
import os
import os.path
import os.path as osp
from os.path import join, splitext

print(os.path is osp, os.path.sep)
cases = ["", "/", "a", "a/", "/a", "a/b", "a/b/", "/a/b/c.txt", "//x//y//", "a.tar.gz", ".bashrc",
         "dir/.hidden", "..", "../x.py", "a/b.c/d", "x.", "a..b", "/.", "///", "kernels/matmul_v2.py"]
for p in cases:
    print(repr(p), os.path.basename(p), repr(os.path.dirname(p)), os.path.split(p), splitext(p),
          os.path.isabs(p), repr(os.path.normpath(p)))
print(join("a", "b", "c"), join("a/", "b"), join("a", "/b", "c"), join("", "x"), join("a", ""), join("a"))
print(os.path.join("data", "run_%d" % 3, "out.npy"))
print(os.path.normpath("a/./b/../../c"), os.path.normpath("/../x/./y/"), os.path.normpath("a//b///c/.."))
print(os.path.normpath("../../a/.."), os.path.normpath("//a/b"), os.path.normpath("///a/b"))
root, ext = splitext(os.path.basename("/tmp/kernel_out.profile.json"))
print(root, ext)


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: os.path.join(1))
attempt(lambda: os.path.join("a", 1))
attempt(lambda: os.path.join())
attempt(lambda: os.path.basename(None))
attempt(lambda: os.path.dirname(3.5))
attempt(lambda: os.path.splitext([]))
attempt(lambda: os.path.split(7))
attempt(lambda: os.path.normpath(0))
attempt(lambda: os.getenv())
