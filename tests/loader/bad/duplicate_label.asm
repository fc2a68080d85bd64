x:
    num 1
x:
    num 2
