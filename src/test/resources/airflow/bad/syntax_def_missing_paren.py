# expect: {file}:2:10: invalid Python syntax near ':'
def make(:
    pass
