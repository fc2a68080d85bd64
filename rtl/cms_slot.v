`default_nettype none
`include "cms_defs.vh"
// cms_slot -- one bundle slot (translation mode): its decode (cms_slot_dec) and what its
// operands go through: the ALU, the memory offset, the condition. Combinational.
// Slot classes (docs/isa.md section 5): every slot takes A; the first slot also M and X; the
// last slot also B. An operation outside its slot's classes, an unknown encoding or a register
// number >= 16 sets illegal_o. With en_i low (firmware mode) every output is 0.
module cms_slot #(
    parameter FIRST = 1,
    parameter LAST  = 0
) (
    input  wire        en_i,
    input  wire [31:0] op_i,
    input  wire [31:0] rs1v_i,
    input  wire [31:0] rs2v_i,
    output wire [3:0]  rs1_o,
    output wire [3:0]  rs2_o,
    output wire [3:0]  rd_o,
    output wire        illegal_o,
    output wire        nop_o,
    output wire        alu_o,      // A class: writes rd with result_o
    output wire        load_o,     // M class
    output wire        store_o,    // M class
    output wire        mul_o,      // X class (result in W)
    output wire        div_o,      // X class (multi-cycle)
    output wire        branch_o,   // B class: conditional branch
    output wire        jump_o,     // B class: JAL x0
    output wire        exit_o,     // B class
    output wire        commit_o,   // B class
    output wire        assert_o,   // B class
    output reg  [31:0] result_o,
    output reg  [31:0] memoff_o,
    output wire [1:0]  mdop_o,
    output reg         take_o,     // branch condition holds / assertion holds
    output wire [31:0] boff_o,     // branch or jump offset
    output wire [10:0] code_o
);
    `include "cms_fn.vh"

    wire [3:0]  aluop;
    wire        a_zero, b_reg;
    wire [31:0] imm;
    wire [2:0]  cond;
    cms_slot_dec #(.FIRST(FIRST), .LAST(LAST)) u_dec (
        .en_i     (en_i),
        .op_i     (op_i),
        .rs1_o    (rs1_o),
        .rs2_o    (rs2_o),
        .rd_o     (rd_o),
        .illegal_o(illegal_o),
        .nop_o    (nop_o),
        .alu_o    (alu_o),
        .load_o   (load_o),
        .store_o  (store_o),
        .mul_o    (mul_o),
        .div_o    (div_o),
        .branch_o (branch_o),
        .jump_o   (jump_o),
        .exit_o   (exit_o),
        .commit_o (commit_o),
        .assert_o (assert_o),
        .aluop_o  (aluop),
        .a_zero_o (a_zero),
        .b_reg_o  (b_reg),
        .imm_o    (imm),
        .cond_o   (cond),
        .mdop_o   (mdop_o),
        .boff_o   (boff_o),
        .code_o   (code_o)
    );

    always @* begin
        result_o = 32'd0; memoff_o = 32'd0; take_o = 1'b0;
        if (en_i) begin
            if (alu_o) result_o = cms_alu(aluop, a_zero ? 32'd0 : rs1v_i, b_reg ? rs2v_i : imm);
            if (load_o || store_o) memoff_o = rs1v_i + imm;
            if (branch_o || assert_o) take_o = cms_bcmp(cond, rs1v_i, rs2v_i);
        end
    end
endmodule
