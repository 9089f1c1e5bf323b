# expect: error NameError
# exec() is not available.
exec("import os; print('ESCAPED', os.getcwd())")
