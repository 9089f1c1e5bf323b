# Class bodies: class-level names are not visible inside methods or comprehensions
class Config:
    base = 10
    doubled = base * 2
    names = [f"n{i}" for i in range(3)]
    def get(self):
        return Config.base + self.doubled
print(Config.doubled, Config.names, Config().get())
class Broken:
    factor = 3
    try:
        scaled = [factor * i for i in range(3)]
    except NameError as e:
        error = str(e)
print(Broken.error)
x = "module"
class Shadow:
    x = "class"
    def method(self):
        return x
    y = x
print(Shadow().method(), Shadow.y)
