# expect: error
# JavaScript's constructor chain: (1).constructor.constructor("return process")()
fn = (1).constructor.constructor
print("ESCAPED", fn("return process")().pid)
