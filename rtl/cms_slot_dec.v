`default_nettype none
`include "cms_defs.vh"
// cms_slot_dec -- decode of one bundle slot's operation (translation mode). Combinational.
// Slot classes (docs/isa.md section 5): every slot takes A; the first slot also M and X; the
// last slot also B. An operation outside its slot's classes, an unknown encoding or a register
// number >= 16 sets illegal_o. With en_i low (firmware mode) every output that depends on the
// class is 0. What the operands go through is cms_slot's (the ALU, the memory offset, the
// condition); cms_core_mc takes only this decode and computes with its firmware datapath.
module cms_slot_dec #(
    parameter FIRST = 1,
    parameter LAST  = 0
) (
    input  wire        en_i,
    input  wire [31:0] op_i,
    output wire [3:0]  rs1_o,
    output wire [3:0]  rs2_o,
    output wire [3:0]  rd_o,
    output reg         illegal_o,
    output reg         nop_o,
    output reg         alu_o,      // A class: writes rd with the ALU's result
    output reg         load_o,     // M class
    output reg         store_o,    // M class
    output reg         mul_o,      // X class
    output reg         div_o,      // X class (multi-cycle)
    output reg         branch_o,   // B class: conditional branch
    output reg         jump_o,     // B class: JAL x0
    output reg         exit_o,     // B class
    output reg         commit_o,   // B class
    output reg         assert_o,   // B class
    output reg  [3:0]  aluop_o,    // cms_alu's op: {funct7[5] (SUB/SRA), funct3}
    output reg         a_zero_o,   // the ALU's first operand is 0 (LUI), not rs1
    output reg         b_reg_o,    // the ALU's second operand is rs2 (OP), not imm_o
    output reg  [31:0] imm_o,      // the immediate: the ALU's (OP-IMM, LUI), the memory offset's (LW, SW)
    output wire [2:0]  cond_o,     // the condition of a branch (funct3) or of ASSERT (funct7[2:0])
    output wire [1:0]  mdop_o,
    output reg  [31:0] boff_o,     // branch or jump offset
    output wire [10:0] code_o
);
    wire [6:0] opc    = op_i[6:0];
    wire [2:0] funct3 = op_i[14:12];
    wire [6:0] funct7 = op_i[31:25];
    wire [31:0] imm_i = {{20{op_i[31]}}, op_i[31:20]};
    wire [31:0] imm_s = {{20{op_i[31]}}, op_i[31:25], op_i[11:7]};
    wire [31:0] imm_b = {{19{op_i[31]}}, op_i[31], op_i[7], op_i[30:25], op_i[11:8], 1'b0};
    wire [31:0] imm_j = {{11{op_i[31]}}, op_i[31], op_i[19:12], op_i[20], op_i[30:21], 1'b0};
    wire [31:0] imm_u = {op_i[31:12], 12'd0};

    assign rs1_o  = op_i[18:15];
    assign rs2_o  = op_i[23:20];
    assign rd_o   = op_i[10:7];
    assign mdop_o = funct3[1:0];
    assign code_o = op_i[30:20];
    assign cond_o = opc == `CMS_OPC_CUSTOM0 ? funct7[2:0] : funct3;

    reg        use_rd, use_rs1, use_rs2, bad;

    always @* begin
        bad = 1'b0; nop_o = 1'b0;
        alu_o = 1'b0; load_o = 1'b0; store_o = 1'b0; mul_o = 1'b0; div_o = 1'b0;
        branch_o = 1'b0; jump_o = 1'b0; exit_o = 1'b0; commit_o = 1'b0; assert_o = 1'b0;
        use_rd = 1'b0; use_rs1 = 1'b0; use_rs2 = 1'b0;
        aluop_o = {1'b0, funct3}; a_zero_o = 1'b0; b_reg_o = 1'b0; imm_o = imm_i;
        illegal_o = 1'b0; boff_o = 32'd0;
        if (en_i) begin
            case (opc)
                `CMS_OPC_OP_IMM: begin
                    alu_o = 1'b1; use_rd = 1'b1; use_rs1 = 1'b1;
                    nop_o = op_i == 32'h0000_0013;
                    if (funct3 == 3'd1) bad = funct7 != 7'd0;
                    if (funct3 == 3'd5) begin
                        bad = funct7 != 7'd0 && funct7 != 7'h20;
                        aluop_o = {funct7[5], funct3};
                    end
                end
                `CMS_OPC_OP: begin
                    use_rd = 1'b1; use_rs1 = 1'b1; use_rs2 = 1'b1;
                    b_reg_o = 1'b1; aluop_o = {funct7[5], funct3};
                    if (funct7 == 7'd1) begin
                        mul_o = ~funct3[2];
                        div_o = funct3[2];
                    end else begin
                        alu_o = 1'b1;
                        bad = !(funct7 == 7'd0 || (funct7 == 7'h20 && (funct3 == 3'd0 || funct3 == 3'd5)));
                    end
                end
                `CMS_OPC_LUI: begin
                    alu_o = 1'b1; use_rd = 1'b1; a_zero_o = 1'b1; imm_o = imm_u; aluop_o = 4'd0;
                end
                `CMS_OPC_LOAD: begin
                    load_o = 1'b1; use_rd = 1'b1; use_rs1 = 1'b1; bad = funct3 != 3'd2;
                end
                `CMS_OPC_STORE: begin
                    store_o = 1'b1; use_rs1 = 1'b1; use_rs2 = 1'b1; bad = funct3 != 3'd2;
                    imm_o = imm_s;
                end
                `CMS_OPC_BRANCH: begin
                    // every funct3 is a condition: BMI and BPL are translation mode's own
                    branch_o = 1'b1; use_rs1 = 1'b1; use_rs2 = 1'b1;
                    boff_o = imm_b;
                end
                `CMS_OPC_JAL: begin
                    jump_o = 1'b1; bad = op_i[11:7] != 5'd0; boff_o = imm_j;
                end
                `CMS_OPC_CUSTOM0: begin
                    case (funct3)
                        `CMS_TX_OP_EXIT: begin
                            exit_o = 1'b1; bad = op_i[19:15] != 5'd0 || op_i[11:7] != 5'd0 || op_i[31];
                        end
                        `CMS_TX_OP_COMMIT: begin
                            commit_o = 1'b1; bad = op_i[31:15] != 17'd0 || op_i[11:7] != 5'd0;
                        end
                        `CMS_TX_OP_ASSERT: begin
                            assert_o = 1'b1; use_rs1 = 1'b1; use_rs2 = 1'b1;
                            bad = funct7[6:3] != 4'd0 || op_i[11:7] != 5'd0;   // any condition, as for branches
                        end
                        default: bad = 1'b1;
                    endcase
                end
                default: bad = 1'b1;
            endcase
            illegal_o = bad || (use_rd && op_i[11]) || (use_rs1 && op_i[19]) || (use_rs2 && op_i[24]) ||
                        (FIRST == 0 && (load_o || store_o || mul_o || div_o)) ||
                        (LAST == 0 && (branch_o || jump_o || exit_o || commit_o || assert_o));
        end
    end
endmodule
