`default_nettype none
// cms_alu -- the integer ALU shared by firmware mode and every bundle slot.
// op_i = {funct7[5] (SUB/SRA), funct3}, as in RV32I OP encodings.
module cms_alu (
    input  wire [3:0]  op_i,
    input  wire [31:0] a_i,
    input  wire [31:0] b_i,
    output reg  [31:0] y_o
);
    always @* begin
        case (op_i)
            4'b0000: y_o = a_i + b_i;
            4'b1000: y_o = a_i - b_i;
            4'b0001, 4'b1001: y_o = a_i << b_i[4:0];
            4'b0010, 4'b1010: y_o = {31'd0, $signed(a_i) < $signed(b_i)};
            4'b0011, 4'b1011: y_o = {31'd0, a_i < b_i};
            4'b0100, 4'b1100: y_o = a_i ^ b_i;
            4'b0101: y_o = a_i >> b_i[4:0];
            4'b1101: y_o = $unsigned($signed(a_i) >>> b_i[4:0]);
            4'b0110, 4'b1110: y_o = a_i | b_i;
            default: y_o = a_i & b_i;
        endcase
    end
endmodule
