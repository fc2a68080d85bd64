`default_nettype none
// cms_bcmp -- branch condition (RV32 branch funct3 codes); also used by ASSERT.
// Codes 2 and 3 are not conditions (the decoders reject them); they give 0.
module cms_bcmp (
    input  wire [2:0]  cond_i,
    input  wire [31:0] a_i,
    input  wire [31:0] b_i,
    output reg         take_o
);
    always @* begin
        case (cond_i)
            3'd0: take_o = a_i == b_i;
            3'd1: take_o = a_i != b_i;
            3'd4: take_o = $signed(a_i) < $signed(b_i);
            3'd5: take_o = $signed(a_i) >= $signed(b_i);
            3'd6: take_o = a_i < b_i;
            3'd7: take_o = a_i >= b_i;
            default: take_o = 1'b0;
        endcase
    end
endmodule
