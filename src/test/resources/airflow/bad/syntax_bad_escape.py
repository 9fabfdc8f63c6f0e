# expect: {file}:2:9: invalid Python syntax near 'C:\x4''
path = 'C:\x4'
