# Priority queues and sorted inserts in scheduling helpers: heapq (exact heap layout), nlargest/nsmallest, bisect/insort with key
import heapq, bisect
import random
random.seed(4)
data = [random.randint(0, 50) for _ in range(15)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(5)], h)
d2 = data[:]
heapq.heapify(d2)
print(d2, heapq.heapreplace(d2, 99), heapq.heappushpop(d2, -1), heapq.heappushpop(d2, 60), d2)
tasks = [(3, "psum"), (1, "dma"), (2, "act"), (1, "alloc"), (5, "store")]
heapq.heapify(tasks)
order = []
while tasks:
    order.append(heapq.heappop(tasks)[1])
print(order)
lat = {"mm": 12.5, "add": 0.3, "softmax": 4.25, "exp": 4.25, "rms": 7.0}
print(heapq.nlargest(3, lat, key=lat.get), heapq.nsmallest(2, lat.items(), key=lambda kv: kv[1]), heapq.nlargest(2, [3, 1, 3, 2]), heapq.nsmallest(0, [1]))
words = ["😀", "\ue000", "b", "a"]
heapq.heapify(words)
print([heapq.heappop(words) for _ in range(4)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
edges = [0, 128, 256, 512, 1024]
print([bisect.bisect_left(edges, v) for v in (0, 1, 128, 600, 2000)], [bisect.bisect_right(edges, v) for v in (0, 128, 2000)], bisect.bisect(edges, 256))
s = []
for v in [5, 1, 4, 1, 3]:
    bisect.insort(s, v)
print(s, bisect.bisect_left(s, 1), bisect.bisect_right(s, 1), bisect.bisect_left(s, 4, 0, 3))
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.insort(recs, ("z", 4), key=lambda r: r[1]), recs)
try:
    bisect.bisect_left([1], 1, -1)
except ValueError as e:
    print("ValueError:", e)
