# expect: {file}:3:3: invalid Python syntax near 'y = 2'
x = 1
  y = 2
