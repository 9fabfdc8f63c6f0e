# expect: {file}:3:1: invalid Python syntax near 'print 'hello''
import os
print 'hello'
