// cms_fw_fields.vh -- the fields and immediates of the firmware instruction `insn` (a wire the
// includer declares first).
// Included by cms_core and by cms_core_mc (rtl/mc/), so that both
// implementations take the firmware-mode decisions of docs/isa.md section 4 from one text.
    wire [6:0]  opc    = insn[6:0];
    wire [2:0]  funct3 = insn[14:12];
    wire [6:0]  funct7 = insn[31:25];
    wire [4:0]  rd     = insn[11:7];
    wire [4:0]  rs1    = insn[19:15];
    wire [4:0]  rs2    = insn[24:20];
    wire [11:0] csr_a  = insn[31:20];
    wire [31:0] imm_i  = {{20{insn[31]}}, insn[31:20]};
    wire [31:0] imm_s  = {{20{insn[31]}}, insn[31:25], insn[11:7]};
    wire [31:0] imm_b  = {{19{insn[31]}}, insn[31], insn[7], insn[30:25], insn[11:8], 1'b0};
    wire [31:0] imm_u  = {insn[31:12], 12'd0};
    wire [31:0] imm_j  = {{11{insn[31]}}, insn[31], insn[19:12], insn[20], insn[30:21], 1'b0};
