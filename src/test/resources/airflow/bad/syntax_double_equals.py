# expect: {file}:2:12: invalid Python syntax near '= '@daily''
schedule = = '@daily'
