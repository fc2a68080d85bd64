`default_nettype none
`include "cms_defs.vh"
// cms_fw_dec -- firmware-mode decode (docs/isa.md section 4), shared by cms_core and
// cms_core_mc. Combinational. From the instruction and its operands: the fields, the ALU's
// operation and second operand, the adders both cores build alike (rs1 + b, PC-relative,
// PC + 4, the window offset), the classification with its address checks, the CSR write value,
// and the cause and mtval of the trap the instruction raises (docs/isa.md's priority order).
// Each core builds its own ALU and branch condition from aluop_o and alu_b_o and returns them
// (alu_i, take_i); the CSR read value comes from cms_csr (csr_a_o in, csr_rv_i out).
// With en_i low (translation mode) the classification is 0. GATE=1 forces the address checks
// to 0 for an instruction that is no load or store (cms_core: its Verilator model then skips
// them); GATE=0 does not (fewer LUTs).
module cms_fw_dec #(
    parameter HAS_TX     = 1,       // 0: tx.enter is illegal
    parameter GATE       = 0,
    parameter DMEM_BYTES = `CMS_DMEM_BYTES_SIM   // the chip's DMEM size (cms_chip)
) (
    input  wire        en_i,
    input  wire [31:0] insn_i,
    input  wire [31:0] pc_i,        // where the PC-relative adders start (the instruction's address)
    input  wire        pcbad_i,     // the instruction's address is outside IMEM
    input  wire [31:0] gwbase_i,    // what the window offset subtracts
    input  wire [31:0] gwlimit_i,
    input  wire [31:0] rs1v_i,
    input  wire [31:0] rs2v_i,
    input  wire [31:0] txrd_i,      // TR[rs1], for tx.rd
    input  wire [31:0] csr_rv_i,    // the CSR csr_a_o (cms_csr)
    input  wire        csr_ok_i,
    input  wire        csr_ro_i,
    input  wire [31:0] alu_i,       // the ALU result: aluop_o on rs1v_i and alu_b_o
    input  wire        take_i,      // the condition cond_o on rs1v_i and rs2v_i
    // fields
    output wire [4:0]  rd_o,
    output wire [4:0]  rs1_o,
    output wire [4:0]  rs2_o,
    output wire [2:0]  funct3_o,
    output wire [11:0] csr_a_o,
    output wire        sys_o,       // a SYSTEM instruction (a CSR access among them), en_i high
    output wire [2:0]  cond_o,      // a branch's funct3, or the translation-mode ASSERT's funct7[2:0]
    // the ALU's operation and second operand, the adders
    output reg  [3:0]  aluop_o,
    output reg  [31:0] alu_b_o,
    output wire [31:0] add_o,       // rs1 + b: ADD, the load/store address, JALR's target
    output wire [31:0] pcrel_o,     // AUIPC, JAL and branch targets
    output wire [31:0] link_o,      // pc + 4
    // classification
    output reg         ill_o,
    output reg         wb_o,        // writes rd with val_o (or, for a load, a multiply, a divide, the unit's result)
    output reg  [31:0] val_o,
    output reg         load_o,
    output reg         store_o,
    output reg         mul_o,
    output reg         div_o,
    output reg         csr_o,
    output reg         jump_o,      // a jump or a taken branch, to target_o
    output reg  [31:0] target_o,
    output reg         mret_o,
    output reg         ecall_o,
    output reg         ebreak_o,
    output reg         txenter_o,
    output reg         txwr_o,
    output reg         txprot_o,
    output reg         txprotrd_o,
    output reg         txcommit_o,
    output reg         txrollback_o,
    // the memory access and its checks
    output reg  [31:0] addr_o,
    output reg  [31:0] gwoff_o,
    output reg         misal_o,
    output reg         ld_fault_o,
    output reg         st_fault_o,
    output reg         in_gw_o,
    output reg         protoob_o,   // tx.prot, tx.protrd: the offset is outside the protection bits
    output reg         jmisal_o,
    // the CSR write
    output wire        csr_wr_o,    // a CSR instruction that writes
    output wire [31:0] csr_wv_o,
    // the trap: exc_o, every exception but a store's protection fault (the core's: the bit is
    // its own); cause_o and tval_o, the first in priority order, TX_PROT when none of the others
    output wire        exc_o,
    output reg  [31:0] cause_o,
    output reg  [31:0] tval_o
);
    `include "cms_fn.vh"
    localparam [31:0] PROT_BYTES = `CMS_PROT_WORDS * 4;

    wire [6:0]  opc    = insn_i[6:0];
    wire [2:0]  funct3 = insn_i[14:12];
    wire [6:0]  funct7 = insn_i[31:25];
    wire [4:0]  rd     = insn_i[11:7];
    wire [4:0]  rs1    = insn_i[19:15];
    wire [31:0] imm_i  = {{20{insn_i[31]}}, insn_i[31:20]};
    wire [31:0] imm_s  = {{20{insn_i[31]}}, insn_i[31:25], insn_i[11:7]};
    wire [31:0] imm_b  = {{19{insn_i[31]}}, insn_i[31], insn_i[7], insn_i[30:25], insn_i[11:8], 1'b0};
    wire [31:0] imm_u  = {insn_i[31:12], 12'd0};
    wire [31:0] imm_j  = {{11{insn_i[31]}}, insn_i[31], insn_i[19:12], insn_i[20], insn_i[30:21], 1'b0};
    assign rd_o     = rd;
    assign rs1_o    = rs1;
    assign rs2_o    = insn_i[24:20];
    assign funct3_o = funct3;
    assign csr_a_o  = insn_i[31:20];
    assign sys_o    = en_i && opc == `CMS_OPC_SYSTEM;
    assign cond_o   = opc == `CMS_OPC_CUSTOM0 ? funct7[2:0] : funct3;

    // the CSR write value
    wire [31:0] csr_src = funct3[2] ? {27'd0, rs1} : rs1v_i;
    assign csr_wr_o = funct3[1:0] == 2'b01 || rs1 != 5'd0;
    assign csr_wv_o = funct3[1:0] == 2'b01 ? csr_src :
                      funct3[1:0] == 2'b10 ? (csr_rv_i | csr_src) : (csr_rv_i & ~csr_src);

    // ALU operation and second operand, from the instruction alone (rs2 for OP, branches and
    // custom-0: the translation-mode ASSERT compares as a branch does; no firmware tx.*
    // instruction uses the second operand)
    always @* begin
        aluop_o = {1'b0, funct3};
        if (opc == `CMS_OPC_OP || (opc == `CMS_OPC_OP_IMM && funct3 == 3'd5)) aluop_o = {funct7[5], funct3};
        alu_b_o = opc == `CMS_OPC_STORE ? imm_s : imm_i;
        if (opc == `CMS_OPC_OP || opc == `CMS_OPC_BRANCH || opc == `CMS_OPC_CUSTOM0) alu_b_o = rs2v_i;
    end

    // the adders
    assign add_o   = rs1v_i + alu_b_o;
    assign pcrel_o = pc_i + (opc == `CMS_OPC_AUIPC ? imm_u : opc == `CMS_OPC_JAL ? imm_j : imm_b);
    assign link_o  = pc_i + 32'd4;
    wire [31:0] gwoff = add_o - gwbase_i;   // the offset into the guest window

    // classification, the memory access and its checks
    reg in_dmem, in_tc, in_mmio;
    always @* begin
        ill_o = 1'b0; wb_o = 1'b0; load_o = 1'b0; store_o = 1'b0; mul_o = 1'b0; div_o = 1'b0;
        csr_o = 1'b0; jump_o = 1'b0; mret_o = 1'b0; ecall_o = 1'b0; ebreak_o = 1'b0;
        txenter_o = 1'b0; txwr_o = 1'b0; txprot_o = 1'b0; txprotrd_o = 1'b0;
        txcommit_o = 1'b0; txrollback_o = 1'b0;
        val_o = 32'd0; target_o = 32'd0;
        addr_o = 32'd0; gwoff_o = 32'd0; misal_o = 1'b0; in_dmem = 1'b0; in_tc = 1'b0;
        in_mmio = 1'b0; ld_fault_o = 1'b0; st_fault_o = 1'b0; in_gw_o = 1'b0;
        protoob_o = 1'b0; jmisal_o = 1'b0;
        if (en_i) begin
        case (opc)
            `CMS_OPC_LUI:   begin wb_o = 1'b1; val_o = imm_u; end
            `CMS_OPC_AUIPC: begin wb_o = 1'b1; val_o = pcrel_o; end
            `CMS_OPC_JAL:   begin wb_o = 1'b1; val_o = link_o; jump_o = 1'b1; target_o = pcrel_o; end
            `CMS_OPC_JALR:  begin
                wb_o = 1'b1; val_o = link_o; jump_o = 1'b1;
                target_o = {add_o[31:1], 1'b0}; ill_o = funct3 != 3'd0;
            end
            `CMS_OPC_BRANCH: begin
                jump_o = take_i; target_o = pcrel_o;
                ill_o = funct3 == 3'd2 || funct3 == 3'd3;
            end
            `CMS_OPC_LOAD:  begin
                load_o = 1'b1; wb_o = 1'b1;
                ill_o = funct3 == 3'd3 || funct3 == 3'd6 || funct3 == 3'd7;
            end
            `CMS_OPC_STORE: begin store_o = 1'b1; ill_o = funct3[2] || funct3 == 3'd3; end
            `CMS_OPC_OP_IMM: begin
                wb_o = 1'b1; val_o = alu_i;
                if (funct3 == 3'd1) ill_o = funct7 != 7'd0;
                if (funct3 == 3'd5) ill_o = funct7 != 7'd0 && funct7 != 7'h20;
            end
            `CMS_OPC_OP: begin
                wb_o = 1'b1; val_o = alu_i;
                if (funct7 == 7'd1) begin
                    mul_o = ~funct3[2];
                    div_o = funct3[2];
                end else begin
                    ill_o = !(funct7 == 7'd0 || (funct7 == 7'h20 && (funct3 == 3'd0 || funct3 == 3'd5)));
                end
            end
            `CMS_OPC_MISC_MEM: ill_o = funct3[2:1] != 2'b00;
            `CMS_OPC_SYSTEM: begin
                if (funct3 == 3'd0) begin
                    case (insn_i)
                        32'h0000_0073: ecall_o = 1'b1;
                        32'h0010_0073: ebreak_o = 1'b1;
                        32'h3020_0073: mret_o = 1'b1;
                        32'h1050_0073: ;                       // WFI: no-op
                        default: ill_o = 1'b1;
                    endcase
                end else begin
                    csr_o = 1'b1; wb_o = 1'b1; val_o = csr_rv_i;
                    ill_o = funct3 == 3'd4 || !csr_ok_i || (csr_ro_i && csr_wr_o);
                end
            end
            `CMS_OPC_CUSTOM0: begin
                case (funct3)
                    `CMS_FW_TX_ENTER:  begin txenter_o = 1'b1; ill_o = HAS_TX == 0; end
                    `CMS_FW_TX_WR:     begin txwr_o = 1'b1; ill_o = rd[4]; end
                    `CMS_FW_TX_RD:     begin wb_o = 1'b1; val_o = txrd_i; ill_o = rs1[4]; end
                    `CMS_FW_TX_PROT:   txprot_o = 1'b1;
                    `CMS_FW_TX_PROTRD: txprotrd_o = 1'b1;
                    `CMS_FW_TX_CTL: begin
                        txcommit_o = funct7 == `CMS_FW_CTL_COMMIT;
                        txrollback_o = funct7 == `CMS_FW_CTL_ROLLBACK;
                        ill_o = !(txcommit_o || txrollback_o);
                    end
                    default: ill_o = 1'b1;
                endcase
            end
            default: ill_o = 1'b1;
        endcase
        if (GATE == 0 || load_o || store_o) begin
            addr_o     = add_o;
            misal_o    = (funct3[1:0] == 2'd1 && addr_o[0]) || (funct3[1:0] == 2'd2 && addr_o[1:0] != 2'd0);
            in_dmem    = cms_in_rgn(addr_o, `CMS_DMEM_BASE, DMEM_BYTES);
            in_tc      = cms_in_rgn(addr_o, `CMS_TC_BASE, `CMS_TC_BYTES);
            in_mmio    = cms_in_rgn(addr_o, `CMS_MMIO_BASE, `CMS_MMIO_BYTES);
            // MMIO and TC take word accesses only
            ld_fault_o = load_o && !misal_o && !(in_dmem || (in_mmio && funct3 == 3'd2));
            st_fault_o = store_o && !misal_o && !(in_dmem || ((in_mmio || in_tc) && funct3 == 3'd2));
            gwoff_o    = gwoff;
            in_gw_o    = gwoff_o < gwlimit_i && cms_in_rgn(gwoff_o, 32'd0, PROT_BYTES);
        end
        protoob_o = (txprot_o || txprotrd_o) && !cms_in_rgn(rs1v_i, 32'd0, PROT_BYTES);
        jmisal_o  = jump_o && target_o[1:0] != 2'd0;
        end
    end

    // the trap
    assign exc_o = pcbad_i || ill_o || ecall_o || ebreak_o || jmisal_o || ((load_o || store_o) && misal_o) ||
                   ld_fault_o || st_fault_o || protoob_o;
    always @* begin
        tval_o = 32'd0;
        if (pcbad_i)                          begin cause_o = {24'd0, `CMS_CAUSE_INSN_ACCESS}; tval_o = pc_i; end
        else if (ill_o)                       begin cause_o = {24'd0, `CMS_CAUSE_ILLEGAL}; tval_o = insn_i; end
        else if (ecall_o)                     cause_o = {24'd0, `CMS_CAUSE_ECALL_M};
        else if (ebreak_o)                    begin cause_o = {24'd0, `CMS_CAUSE_BREAKPOINT}; tval_o = pc_i; end
        else if (jmisal_o)                    begin cause_o = {24'd0, `CMS_CAUSE_INSN_MISALIGNED}; tval_o = target_o; end
        else if (load_o && misal_o)           begin cause_o = {24'd0, `CMS_CAUSE_LOAD_MISALIGNED}; tval_o = addr_o; end
        else if (store_o && misal_o)          begin cause_o = {24'd0, `CMS_CAUSE_STORE_MISALIGNED}; tval_o = addr_o; end
        else if (ld_fault_o)                  begin cause_o = {24'd0, `CMS_CAUSE_LOAD_ACCESS}; tval_o = addr_o; end
        else if (st_fault_o)                  begin cause_o = {24'd0, `CMS_CAUSE_STORE_ACCESS}; tval_o = addr_o; end
        else if (protoob_o && txprotrd_o)     begin cause_o = {24'd0, `CMS_CAUSE_LOAD_ACCESS}; tval_o = rs1v_i; end
        else if (protoob_o)                   begin cause_o = {24'd0, `CMS_CAUSE_STORE_ACCESS}; tval_o = rs1v_i; end
        else                                  begin cause_o = {24'd0, `CMS_CAUSE_TX_PROT}; tval_o = addr_o; end
    end
endmodule
