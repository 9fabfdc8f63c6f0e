# expect: {file}:2:43: invalid Python syntax near ''emr-6.5.0' 'Instances': {}}'
overrides = {'Name': 'x', 'ReleaseLabel': 'emr-6.5.0' 'Instances': {}}
