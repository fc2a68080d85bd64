-- Loader test: the babyutils dialect (labels, origins alone, EJA, labels as values).
-- EXPECT is on a ';' line because the runner looks for "; EXPECT".
; EXPECT stop_after=0 rest=1 line1=16390 line2=32775 line3=5 line4=57344 line5=1 line6=-3 line7=1 line8=6 line9=-1 line20=16 line21=8212 line22=24596 line23=31 line28=28 line29=29 line30=30 line31=31

01:
    ldn x         -- line 1: LDN 6
loop: sub one     -- line 2: SUB 7
    jmp back      -- line 3: JMP 5
    hlt           -- line 4
back:
    eja loop      -- line 5: the word 2 - 1
x:  num -3        -- line 6
one:
    num 1         -- line 7
addr: num x       -- line 8: the address of x
    eja 0         -- line 9: -1

20:
first: second:    -- two labels for line 20
    num 0x10
    jrp first     -- line 21: JRP 20
    sto second    -- line 22: STO 20
    eja end       -- line 23: 32 - 1

28:
    num 28
    num 29
    num 30
    num 31
end:
