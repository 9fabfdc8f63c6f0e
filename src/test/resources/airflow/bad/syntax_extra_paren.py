# expect: {file}:2:15: invalid Python syntax near ')'
steps = (1, 2))
