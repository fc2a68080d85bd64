start:
    jmp nowhere
    hlt
