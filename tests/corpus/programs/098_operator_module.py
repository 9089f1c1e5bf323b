# operator module functions, itemgetter, attrgetter
import operator
from operator import itemgetter, attrgetter
print(operator.add(2, 3), operator.sub(2, 3), operator.mul(2, 3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 8), operator.neg(5), operator.abs(-2), operator.not_(0))
print(operator.eq(1, 1.0), operator.lt(1, 2), operator.ge(1, 2), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10))
print(operator.getitem([1, 2, 3], 1), operator.contains("abc", "b"), operator.concat([1], [2]))
rows = [("ann", 3), ("bob", 1), ("cy", 2)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), list(map(itemgetter(0), rows)))
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Pt({self.x},{self.y})"
pts = [Pt(3, 1), Pt(1, 2)]
print(sorted(pts, key=attrgetter("x")), attrgetter("x", "y")(pts[0]))
print(operator.matmul.__name__, operator.index(5), operator.lshift(1, 4), operator.inv(0))
