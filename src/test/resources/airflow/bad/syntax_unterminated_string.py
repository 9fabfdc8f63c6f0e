# expect: {file}:2:8: invalid Python syntax near ''abc'
name = 'abc
