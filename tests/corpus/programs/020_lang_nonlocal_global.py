# global and nonlocal declarations
total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)
def bank():
    balance = 100
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        balance -= x
        return balance
    return deposit, withdraw
dep, wd = bank()
print(dep(50), wd(30), dep(5))
def set_new_global():
    global created_later
    created_later = "made inside function"
set_new_global()
print(created_later)
x = "global x"
def reader():
    return x
def shadow():
    x = "local x"
    return x
print(reader(), shadow(), x)
