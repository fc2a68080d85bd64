// cms_fw_dec.vh -- firmware-mode decode: the CSR read multiplexer, the CSR write value, the ALU
// operand selection, and the classification of `insn` with its address checks (f_*).
// Needs, declared by the includer: mode_q, M_FW, HAS_TX (0: tx.enter is illegal), FW_GATE (1:
// the CSR read and the address checks are forced to 0 when the instruction is not a CSR access
// or a load/store, so that the Verilator model skips them; 0: no forcing, fewer LUTs), dec_pc
// (the address the PC-relative adders start from: pc_q), dec_gwbase (what fw_gwoff subtracts:
// gwbase_q), rs1v, rs2v, tr_fw_rdata, the CSR and counter registers it reads (*_q, c_rb_q), SLOTS,
// SB_DEPTH, PROT_BYTES, the functions of cms_fn.vh (cms_in_rgn); and two results of the ALU,
// as wires declared before this file and assigned after it (each core builds its ALU its own
// way, from f_aluop and f_alu_b defined here):
//   fw_alu    the ALU result, cms_alu(f_aluop, rs1v, f_alu_b)
//   fw_take   the branch condition, cms_bcmp(funct3, rs1v, rs2v)
// It defines the adders both cores share: fw_add (rs1v + f_alu_b: ADD, the load/store address,
// JALR's target), fw_pcrel (AUIPC, JAL and branch targets), fw_link (pc_q + 4), fw_gwoff.
// Included by cms_core and by cms_core_mc (rtl/mc/), so that both
// implementations take the firmware-mode decisions of docs/isa.md section 4 from one text.
    // CSR read
    reg  [31:0] csr_rv;
    reg         csr_ok, csr_ro;
    always @* begin
        csr_ok = 1'b1;
        csr_ro = csr_a[11:10] == 2'b11;
        csr_rv = 32'd0;
        if (!FW_GATE || (mode_q == M_FW && opc == `CMS_OPC_SYSTEM)) case (csr_a)
            `CMS_CSR_MSTATUS:    csr_rv = (32'd3 << 11) |   // MPP = M (the only mode)
                                          ({31'd0, mpie_q} << `CMS_MSTATUS_MPIE_BIT) |
                                          ({31'd0, mie_q} << `CMS_MSTATUS_MIE_BIT);
            `CMS_CSR_MISA:       csr_rv = 32'h4000_1100;
            `CMS_CSR_MIE:        csr_rv = {31'd0, meie_q} << `CMS_MIE_MEIE_BIT;
            `CMS_CSR_MTVEC:      csr_rv = mtvec_q;
            `CMS_CSR_MSCRATCH:   csr_rv = mscratch_q;
            `CMS_CSR_MEPC:       csr_rv = mepc_q;
            `CMS_CSR_MCAUSE:     csr_rv = mcause_q;
            `CMS_CSR_MTVAL:      csr_rv = mtval_q;
            `CMS_CSR_MIP:        csr_rv = {31'd0, irq_i} << `CMS_MIE_MEIE_BIT;
            `CMS_CSR_MCYCLE, `CMS_CSR_CYCLE:       csr_rv = mcycle_q[31:0];
            `CMS_CSR_MCYCLEH, `CMS_CSR_CYCLEH:     csr_rv = mcycle_q[63:32];
            `CMS_CSR_MINSTRET, `CMS_CSR_INSTRET:   csr_rv = minstret_q[31:0];
            `CMS_CSR_MINSTRETH, `CMS_CSR_INSTRETH: csr_rv = minstret_q[63:32];
            `CMS_CSR_MHARTID, `CMS_CSR_MVENDORID, `CMS_CSR_MARCHID, `CMS_CSR_MIMPID,
            `CMS_CSR_MSTATUSH:   csr_rv = 32'd0;
            `CMS_CSR_GWBASE:     csr_rv = gwbase_q;
            `CMS_CSR_GWLIMIT:    csr_rv = gwlimit_q;
            `CMS_CSR_TXSTAT:     csr_rv = txstat_q;
            `CMS_CSR_TXPC:       begin csr_rv = txpc_q; csr_ro = 1'b1; end
            `CMS_CSR_CNT_FWCYC:    csr_rv = c_fwcyc_q;
            `CMS_CSR_CNT_TXCYC:    csr_rv = c_txcyc_q;
            `CMS_CSR_CNT_BUNDLES:  csr_rv = c_bundles_q;
            `CMS_CSR_CNT_OPS_A:    csr_rv = c_opsa_q;
            `CMS_CSR_CNT_OPS_M:    csr_rv = c_opsm_q;
            `CMS_CSR_CNT_OPS_X:    csr_rv = c_opsx_q;
            `CMS_CSR_CNT_OPS_B:    csr_rv = c_opsb_q;
            `CMS_CSR_CNT_COMMITS:  csr_rv = c_commits_q;
            `CMS_CSR_CNT_RB_BASE + 12'd0: csr_rv = c_rb_q[0];
            `CMS_CSR_CNT_RB_BASE + 12'd1: csr_rv = c_rb_q[1];
            `CMS_CSR_CNT_RB_BASE + 12'd2: csr_rv = c_rb_q[2];
            `CMS_CSR_CNT_RB_BASE + 12'd3: csr_rv = c_rb_q[3];
            `CMS_CSR_CNT_RB_BASE + 12'd4: csr_rv = c_rb_q[4];
            `CMS_CSR_CNT_RB_BASE + 12'd5: csr_rv = c_rb_q[5];
            `CMS_CSR_CNT_RB_BASE + 12'd6: csr_rv = c_rb_q[6];
            `CMS_CSR_CNT_RB_BASE + 12'd7: csr_rv = 32'd0;
            `CMS_CSR_CNT_SBHWM:    csr_rv = c_sbhwm_q;
            `CMS_CSR_CNT_SBSTORES: csr_rv = c_sbstores_q;
            `CMS_CSR_CFG_SLOTS:    csr_rv = SLOTS;
            `CMS_CSR_CFG_SBDEPTH:  csr_rv = SB_DEPTH;
            `CMS_CSR_CFG_TCBYTES:  csr_rv = `CMS_TC_BYTES;
            default: begin csr_rv = 32'd0; csr_ok = 1'b0; end
        endcase
    end
    wire        csr_imm   = funct3[2];
    wire [31:0] csr_src   = csr_imm ? {27'd0, rs1} : rs1v;
    wire        csr_wr    = funct3[1:0] == 2'b01 || rs1 != 5'd0;
    wire [31:0] csr_wv    = funct3[1:0] == 2'b01 ? csr_src :
                            funct3[1:0] == 2'b10 ? (csr_rv | csr_src) : (csr_rv & ~csr_src);

    // ALU operation and second operand, from the instruction alone (rs2v for OP, branches and
    // custom-0: the translation-mode ASSERT compares as a branch does; no firmware tx.*
    // instruction uses the second operand)
    reg  [3:0]  f_aluop;
    reg  [31:0] f_alu_b;
    always @* begin
        f_aluop = {1'b0, funct3};
        if (opc == `CMS_OPC_OP || (opc == `CMS_OPC_OP_IMM && funct3 == 3'd5)) f_aluop = {funct7[5], funct3};
        f_alu_b = opc == `CMS_OPC_STORE ? imm_s : imm_i;
        if (opc == `CMS_OPC_OP || opc == `CMS_OPC_BRANCH || opc == `CMS_OPC_CUSTOM0) f_alu_b = rs2v;
    end

    // the adders
    wire [31:0] fw_add   = rs1v + f_alu_b;
    wire [31:0] fw_pcrel = dec_pc + (opc == `CMS_OPC_AUIPC ? imm_u : opc == `CMS_OPC_JAL ? imm_j : imm_b);
    wire [31:0] fw_link  = dec_pc + 32'd4;
    wire [31:0] fw_gwoff = fw_add - dec_gwbase;   // the offset into the guest window

    // firmware instruction classification
    reg         f_ill, f_wb, f_load, f_store, f_mul, f_div, f_csr, f_jump, f_mret, f_ecall, f_ebreak;
    reg         f_txenter, f_txwr, f_txprot, f_txprotrd, f_txcommit, f_txrollback;
    reg  [31:0] f_val, f_target;
    // firmware memory access and its checks
    reg  [31:0] f_addr, f_gwoff;
    reg         f_misal, f_in_dmem, f_in_tc, f_in_mmio, f_ld_fault, f_st_fault, f_in_gw;
    reg         f_protoob, f_jmisal;
    always @* begin
        f_ill = 1'b0; f_wb = 1'b0; f_load = 1'b0; f_store = 1'b0; f_mul = 1'b0; f_div = 1'b0;
        f_csr = 1'b0; f_jump = 1'b0; f_mret = 1'b0; f_ecall = 1'b0; f_ebreak = 1'b0;
        f_txenter = 1'b0; f_txwr = 1'b0; f_txprot = 1'b0; f_txprotrd = 1'b0;
        f_txcommit = 1'b0; f_txrollback = 1'b0;
        f_val = 32'd0; f_target = 32'd0;
        f_addr = 32'd0; f_gwoff = 32'd0; f_misal = 1'b0; f_in_dmem = 1'b0; f_in_tc = 1'b0;
        f_in_mmio = 1'b0; f_ld_fault = 1'b0; f_st_fault = 1'b0; f_in_gw = 1'b0;
        f_protoob = 1'b0; f_jmisal = 1'b0;
        if (mode_q == M_FW) begin
        case (opc)
            `CMS_OPC_LUI:   begin f_wb = 1'b1; f_val = imm_u; end
            `CMS_OPC_AUIPC: begin f_wb = 1'b1; f_val = fw_pcrel; end
            `CMS_OPC_JAL:   begin f_wb = 1'b1; f_val = fw_link; f_jump = 1'b1; f_target = fw_pcrel; end
            `CMS_OPC_JALR:  begin
                f_wb = 1'b1; f_val = fw_link; f_jump = 1'b1;
                f_target = {fw_add[31:1], 1'b0}; f_ill = funct3 != 3'd0;
            end
            `CMS_OPC_BRANCH: begin
                f_jump = fw_take; f_target = fw_pcrel;
                f_ill = funct3 == 3'd2 || funct3 == 3'd3;
            end
            `CMS_OPC_LOAD:  begin
                f_load = 1'b1; f_wb = 1'b1;
                f_ill = funct3 == 3'd3 || funct3 == 3'd6 || funct3 == 3'd7;
            end
            `CMS_OPC_STORE: begin f_store = 1'b1; f_ill = funct3[2] || funct3 == 3'd3; end
            `CMS_OPC_OP_IMM: begin
                f_wb = 1'b1; f_val = fw_alu;
                if (funct3 == 3'd1) f_ill = funct7 != 7'd0;
                if (funct3 == 3'd5) f_ill = funct7 != 7'd0 && funct7 != 7'h20;
            end
            `CMS_OPC_OP: begin
                f_wb = 1'b1; f_val = fw_alu;
                if (funct7 == 7'd1) begin
                    f_mul = ~funct3[2];
                    f_div = funct3[2];
                end else begin
                    f_ill = !(funct7 == 7'd0 || (funct7 == 7'h20 && (funct3 == 3'd0 || funct3 == 3'd5)));
                end
            end
            `CMS_OPC_MISC_MEM: f_ill = funct3[2:1] != 2'b00;
            `CMS_OPC_SYSTEM: begin
                if (funct3 == 3'd0) begin
                    case (insn)
                        32'h0000_0073: f_ecall = 1'b1;
                        32'h0010_0073: f_ebreak = 1'b1;
                        32'h3020_0073: f_mret = 1'b1;
                        32'h1050_0073: ;                       // WFI: no-op
                        default: f_ill = 1'b1;
                    endcase
                end else begin
                    f_csr = 1'b1; f_wb = 1'b1; f_val = csr_rv;
                    f_ill = funct3 == 3'd4 || !csr_ok || (csr_ro && csr_wr);
                end
            end
            `CMS_OPC_CUSTOM0: begin
                case (funct3)
                    `CMS_FW_TX_ENTER:  begin f_txenter = 1'b1; f_ill = !HAS_TX; end
                    `CMS_FW_TX_WR:     begin f_txwr = 1'b1; f_ill = rd[4]; end
                    `CMS_FW_TX_RD:     begin f_wb = 1'b1; f_val = tr_fw_rdata; f_ill = rs1[4]; end
                    `CMS_FW_TX_PROT:   f_txprot = 1'b1;
                    `CMS_FW_TX_PROTRD: f_txprotrd = 1'b1;
                    `CMS_FW_TX_CTL: begin
                        f_txcommit = funct7 == `CMS_FW_CTL_COMMIT;
                        f_txrollback = funct7 == `CMS_FW_CTL_ROLLBACK;
                        f_ill = !(f_txcommit || f_txrollback);
                    end
                    default: f_ill = 1'b1;
                endcase
            end
            default: f_ill = 1'b1;
        endcase
        if (!FW_GATE || f_load || f_store) begin
            f_addr     = fw_add;
            f_misal    = (funct3[1:0] == 2'd1 && f_addr[0]) || (funct3[1:0] == 2'd2 && f_addr[1:0] != 2'd0);
            f_in_dmem  = cms_in_rgn(f_addr, `CMS_DMEM_BASE, `CMS_DMEM_BYTES);
            f_in_tc    = cms_in_rgn(f_addr, `CMS_TC_BASE, `CMS_TC_BYTES);
            f_in_mmio  = cms_in_rgn(f_addr, `CMS_MMIO_BASE, `CMS_MMIO_BYTES);
            // MMIO and TC take word accesses only
            f_ld_fault = f_load && !f_misal && !(f_in_dmem || (f_in_mmio && funct3 == 3'd2));
            f_st_fault = f_store && !f_misal && !(f_in_dmem || ((f_in_mmio || f_in_tc) && funct3 == 3'd2));
            f_gwoff    = fw_gwoff;
            f_in_gw    = f_gwoff < gwlimit_q && cms_in_rgn(f_gwoff, 32'd0, PROT_BYTES);
        end
        f_protoob = (f_txprot || f_txprotrd) && !cms_in_rgn(rs1v, 32'd0, PROT_BYTES);
        f_jmisal  = f_jump && f_target[1:0] != 2'd0;
        end
    end
