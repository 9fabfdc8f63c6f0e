# expect: {file}:4:7: invalid Python syntax near 'y = 2'
def f():
    x = 1
      y = 2
