`default_nettype none
// cms_mul -- RV32M multiply (funct3 0 MUL, 1 MULH, 2 MULHSU, 3 MULHU). Combinational; the core
// feeds it registered operands in the W stage.
module cms_mul (
    input  wire        en_i,     // a multiply is in W this cycle (else y_o = 0)
    input  wire [1:0]  op_i,
    input  wire [31:0] a_i,
    input  wire [31:0] b_i,
    output wire [31:0] y_o
);
    wire a_signed = (op_i == 2'd1) || (op_i == 2'd2);
    wire b_signed = (op_i == 2'd1);
    // sign- or zero-extend both to 64 bits; the low 64 bits of the product are then right
    wire [63:0] a_x = {{32{a_signed & a_i[31]}}, a_i};
    wire [63:0] b_x = {{32{b_signed & b_i[31]}}, b_i};
    reg  [63:0] p;
    always @* p = en_i ? a_x * b_x : 64'd0;
    assign y_o = (op_i == 2'd0) ? p[31:0] : p[63:32];
endmodule
