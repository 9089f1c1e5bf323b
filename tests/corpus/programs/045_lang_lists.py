# List operations and methods
lst = [3, 1, 4, 1, 5, 9, 2, 6]
lst.append(5)
lst.extend([3, 5])
lst.insert(0, 0)
print(lst, len(lst))
print(lst.pop(), lst.pop(0), lst)
lst.remove(1)
print(lst, lst.index(5), lst.count(5))
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
lst.reverse()
print(lst)
cp = lst.copy()
cp.clear()
print(cp, lst[:3])
print([1, 2] + [3], [0] * 4, [[]] * 2)
print(list("abc"), list(range(3)), list((1, 2)), list({"a": 1}))
words = ["pear", "Apple", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(min(lst), max(lst), sum(lst))
nums = [1, 2, 3]
nums[1:2] = [7, 8, 9]
print(nums, nums.index(9, 2))
