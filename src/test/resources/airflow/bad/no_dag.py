# expect: {file}: warning: the file defines no DAG [no-dag]
# A helper module, not a DAG.
VALUE = 1
