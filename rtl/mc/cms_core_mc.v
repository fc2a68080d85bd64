`default_nettype none
`include "cms_defs.vh"
// cms_core_mc -- the multi-cycle implementation of the native ISA (docs/isa.md) for the iCE40
// UP5K, the iCEBreaker's core (docs/mc.md; docs/fpga.md, "Why the pipelined core does not fit
// the UP5K, and what fits"). Same ports and parameters as cms_core, so cms_chip takes either
// (this one when CMS_CORE_MC is defined). Both modes, every mechanism of docs/isa.md; only
// the cycle counts are its own (docs/mc.md).
//
// Firmware mode: one instruction at a time, in states
//   S_F  after reset: IMEM is reading the first instruction
//   S_D  the instruction is on i_rdata_i (then in insn_q); its registers are read (cms_rfb); an
//        interrupt or a fetch outside IMEM traps here
//   S_E  execute with the operands: ALU, branch, CSR, address and checks; most instructions
//        write their result and finish here, the others go on to
//   S_L  load data from the data port, or the load's fault (its checks computed in S_E)
//   S_M  multiply (cms_mul, the 4 DSPs on the UP5K)
//   S_V  divide (cms_div_mc)               S_P  a store or tx.protrd: the protection bit
//        (block RAM) is there; every check is decided there, with the bit
// The next instruction's address goes to IMEM as the current one finishes, so the next
// instruction is in S_D the cycle after: 2 cycles per instruction, 3 for loads, stores and
// multiplies, 38 for divides.
//
// Translation mode: one operation at a time through the same datapath, the last slot first,
// so that slot 0, the only one with multi-cycle operations, comes last and keeps its operands:
//   S_TR  the bundle is on t_rdata_i (TC row of pc_q); the last slot's TRs are read
//   S_TX  slot sidx_q executes from insn_q (decode by cms_slot_dec, arithmetic by the firmware
//         datapath: cms_fw_dec's adders, this core's ALU); a slot above 0 writes its result
//         to a word of cms_rfb beside the TRs (TR index 16 + slot) and reads the next slot's
//         TRs; the last slot decides the next bundle (next_q);
//         slot 0 is where the bundle is decided, or goes on to S_L / S_P / S_M / S_V as in
//         firmware mode (a load's bounds, a store's protection bit, the multiplier, the divider)
//   S_W   the results of the slots above 0, one per cycle through cms_rfb's one write port
//         (slot 0's was written when it was decided; each is read back from its word the cycle
//         before): read all, then write all, the higher slot last so that it wins
//   S_DP, S_DR  after a commit with buffered stores: the store buffer's RAM reads its first
//         entry, then the entries go to DMEM one per cycle
// A bundle is 3 cycles (two slots, one result), 4 with a result in the last slot or a load,
// store or multiply in slot 0; docs/mc.md has the table.
module cms_core_mc #(
    parameter SLOTS      = 2,
    parameter SB_DEPTH   = 8,
    parameter DMEM_BYTES = `CMS_DMEM_BYTES_SIM   // the chip's DMEM size (cms_chip)
) (
    input  wire                  clk_i,
    input  wire                  rst_ni,
    input  wire                  irq_i,
    output wire [IAW-1:0]        i_addr_o,
    input  wire [31:0]           i_rdata_i,
    output wire [TRW-1:0]        t_row_o,
    input  wire [SLOTS*32-1:0]   t_rdata_i,
    output reg                   d_en_o,
    output reg  [3:0]            d_we_o,
    output reg  [31:0]           d_addr_o,
    output reg  [31:0]           d_wdata_o,
    input  wire [31:0]           d_rdata_i
);
    localparam IAW     = $clog2(`CMS_IMEM_BYTES / 4);
    localparam DAW     = $clog2(DMEM_BYTES / 4);
    localparam BB      = SLOTS * 4;
    localparam BSH     = $clog2(BB);
    localparam TRW     = $clog2(`CMS_TC_BYTES / BB);
    localparam LS      = SLOTS - 1;
    localparam SIW     = $clog2(SLOTS);
    localparam NSH     = `CMS_TR_SHADOWED;
    localparam NPROT   = `CMS_PROT_WORDS;
    localparam PAW     = $clog2(NPROT);
    localparam SBCW    = $clog2(SB_DEPTH + 1);
    localparam [3:0] S_F = 4'd0, S_D = 4'd1, S_E = 4'd2, S_L = 4'd3, S_M = 4'd4, S_V = 4'd5,
                     S_P = 4'd6, S_TR = 4'd7, S_TX = 4'd8, S_W = 4'd9, S_DP = 4'd10, S_DR = 4'd11;
    localparam [SIW-1:0] SLAST = LS[SIW-1:0];

    `include "cms_fn.vh"

    // ---------------------------------------------------------------- state
    reg [3:0]   st_q, st_d;
    reg         tx_q, tx_d;           // translation mode
    reg [31:0]  pc_q, pc_d;           // firmware: the instruction; translation: the bundle
    // the CSRs (cms_csr) the core uses
    wire        mie_q, meie_q;
    wire [31:0] mtvec_q, mepc_q, gwbase_q, gwlimit_q;
    // tx.enter: where firmware resumes (IMEM word index, one bit more for the word past the
    // end; IMEM_BASE is a multiple of twice IMEM_BYTES, tools/gen_defs.py) and its rd
    reg [IAW:0] ret_q;
    reg [4:0]   ret_rd_q;
    wire [31:0] ret_pc = `CMS_IMEM_BASE | {{(31-IAW-2){1'b0}}, ret_q, 2'b00};
    // the bundle being run: its slot, what its slots decided so far
    reg [SIW-1:0] sidx_q;
    reg [TRW:0] next_q;               // the next bundle (TC-relative row, one bit more)
    reg         ill_q, asrt_q, cmt_q, exit_q, opsb_q;
    reg [2:0]   opsa_q;
    reg [SLOTS-1:0] wq_q;             // slots above 0 whose result is still to be written
    reg [3:0]   rdq_q [0:LS];         // and their rd (index 0 unused)
    wire [31:0] next_pc = `CMS_TC_BASE | {{(31-TRW-BSH){1'b0}}, next_q, {BSH{1'b0}}};
    // pc_q is outside IMEM (firmware) or not a TC bundle (translation): from the register, so
    // that the next-PC logic does not feed a region check the same cycle
    wire pcbad_q = tx_q ? (!cms_in_rgn(pc_q, `CMS_TC_BASE, `CMS_TC_BYTES) || pc_q[BSH-1:0] != {BSH{1'b0}})
                        : !cms_in_rgn(pc_q, `CMS_IMEM_BASE, `CMS_IMEM_BYTES);

    // ---------------------------------------------------------------- the instruction
    // firmware: IMEM's output in S_D (the register reads are addressed from it), then insn_q;
    // translation: the slot's word of the bundle, taken when its TRs are read
    reg  [31:0] insn_q;
    wire [SIW-1:0] rslot = st_q == S_TR ? SLAST : sidx_q - 1'b1;   // the slot whose TRs are read
    wire [31:0] t_word = t_rdata_i[rslot*32 +: 32];
    wire        t_read = st_q == S_TR || (st_q == S_TX && sidx_q != {SIW{1'b0}});

    // ---------------------------------------------------------------- registers (block RAM)
    // port 0 reads x[rs1] (or, for tx.rd, TR[rs1]), port 1 x[rs2]; translation: TR[rs1],
    // TR[rs2] of the next slot. Valid the cycle after, held until the next read.
    wire        is_txrd = i_rdata_i[6:0] == `CMS_OPC_CUSTOM0 && i_rdata_i[14:12] == `CMS_FW_TX_RD;
    wire [63:0] rf_rdata;
    reg         rf_we, rf_wtr, rf_wboth, rf_commit, rf_rollback;
    reg  [4:0]  rf_widx;
    reg  [31:0] rf_wdata;
    // translation: port 0 also reads back an upper slot's result (t_rtmp, word 16 + t_tsel)
    wire        t_rtmp;
    wire [3:0]  t_tsel;
    cms_rfb #(.NSH(NSH), .NRP(2)) u_rf (
        .clk_i      (clk_i),
        .re_i       ({st_q == S_D || t_read, st_q == S_D || t_read || t_rtmp}),
        .rtr_i      (tx_q ? 2'b11 : {1'b0, is_txrd}),
        .ridx_i     (tx_q ? {t_word[24:20], t_rtmp ? {1'b1, t_tsel} : t_word[19:15]}
                          : {i_rdata_i[24:20], i_rdata_i[19:15]}),
        .rdata_o    (rf_rdata),
        .we_i       (rf_we),
        .wtr_i      (rf_wtr),
        .widx_i     (rf_widx),
        .wboth_i    (rf_wboth),
        .wdata_i    (rf_wdata),
        .commit_i   (rf_commit),
        .rollback_i (rf_rollback)
    );
    wire [31:0] rs1v = rf_rdata[31:0];
    wire [31:0] rs2v = rf_rdata[63:32];

    // ---------------------------------------------------------------- counters (block RAM)
    wire        cnt_full, cnt_busy;
    wire [31:0] cnt_rdata;
    reg         cnt_add, cnt_rb;
    reg  [2:0]  cnt_rbi;
    wire        is_system = i_rdata_i[6:0] == `CMS_OPC_SYSTEM;

    // ---------------------------------------------------------------- decode (shared with cms_core)
    // Not gated by the mode: in translation mode this core takes from it the ALU result
    // (val_o), the adders and the window checks, computed from the slot's operation as they are
    // for an instruction.
    // PC-relative: the slot's own address (branch targets are relative to the operation);
    // the window offset: a translated LW/SW's offset is the address itself
    wire [31:0] dec_pc = tx_q ? (pc_q | ({{(32-SIW){1'b0}}, sidx_q} << 2)) : pc_q;
    wire [4:0]  rd, nu_rs1, nu_rs2;
    wire [2:0]  funct3, cond;
    wire [11:0] csr_a;
    wire [3:0]  f_aluop;
    wire [31:0] f_alu_b, fw_add, fw_pcrel, fw_link, f_val, f_target, f_addr, f_gwoff;
    wire [31:0] f_cause, f_tval, csr_rv, csr_wv;
    wire        nu_sys, csr_ok, csr_ro, csr_wr, f_dexc;
    wire        f_ill, f_wb, f_load, f_store, f_mul, f_div, f_csr, f_jump, f_mret, f_ecall, f_ebreak;
    wire        f_txenter, f_txwr, f_txprot, f_txprotrd, f_txcommit, f_txrollback;
    wire        f_misal, f_ld_fault, f_st_fault, f_in_gw, f_protoob, f_jmisal;
    wire [31:0] fw_alu;
    wire        fw_take;
    cms_fw_dec #(.HAS_TX(1), .GATE(0), .DMEM_BYTES(DMEM_BYTES)) u_fw_dec (
        .en_i         (1'b1),
        .insn_i       (insn_q),
        .pc_i         (dec_pc),
        .pcbad_i      (pcbad_q),
        .gwbase_i     (tx_q ? 32'd0 : gwbase_q),
        .gwlimit_i    (gwlimit_q),
        .rs1v_i       (rs1v),
        .rs2v_i       (rs2v),
        .txrd_i       (rs1v),           // port 0 reads TR[rs1] for tx.rd
        .csr_rv_i     (csr_rv),
        .csr_ok_i     (csr_ok),
        .csr_ro_i     (csr_ro),
        .alu_i        (fw_alu),
        .take_i       (fw_take),
        .rd_o         (rd),
        .rs1_o        (nu_rs1),         // (the register reads are addressed from IMEM's output in S_D)
        .rs2_o        (nu_rs2),
        .funct3_o     (funct3),
        .csr_a_o      (csr_a),
        .sys_o        (nu_sys),
        .cond_o       (cond),
        .aluop_o      (f_aluop),
        .alu_b_o      (f_alu_b),
        .add_o        (fw_add),
        .pcrel_o      (fw_pcrel),
        .link_o       (fw_link),
        .ill_o        (f_ill),
        .wb_o         (f_wb),
        .val_o        (f_val),
        .load_o       (f_load),
        .store_o      (f_store),
        .mul_o        (f_mul),
        .div_o        (f_div),
        .csr_o        (f_csr),
        .jump_o       (f_jump),
        .target_o     (f_target),
        .mret_o       (f_mret),
        .ecall_o      (f_ecall),
        .ebreak_o     (f_ebreak),
        .txenter_o    (f_txenter),
        .txwr_o       (f_txwr),
        .txprot_o     (f_txprot),
        .txprotrd_o   (f_txprotrd),
        .txcommit_o   (f_txcommit),
        .txrollback_o (f_txrollback),
        .addr_o       (f_addr),
        .gwoff_o      (f_gwoff),
        .misal_o      (f_misal),
        .ld_fault_o   (f_ld_fault),
        .st_fault_o   (f_st_fault),
        .in_gw_o      (f_in_gw),
        .protoob_o    (f_protoob),
        .jmisal_o     (f_jmisal),
        .csr_wr_o     (csr_wr),
        .csr_wv_o     (csr_wv),
        .exc_o        (f_dexc),
        .cause_o      (f_cause),
        .tval_o       (f_tval)
    );

    // ---------------------------------------------------------------- the arithmetic
    // Fewer units than cms_core's cms_alu and cms_bcmp: one subtraction gives SUB, SLT(U) and
    // the less-than branch conditions, a comparator equality; one right shifter does the left
    // shifts too, on the operand reversed; ADD is cms_fw_dec's add_o (fw_add).
    wire [31:0] alu_b = f_alu_b;
    wire [32:0] sub_y = {1'b0, rs1v} - {1'b0, alu_b};
    wire        ltu   = sub_y[32];
    wire        lt    = (rs1v[31] ^ alu_b[31]) ? rs1v[31] : sub_y[31];
    wire        eq    = rs1v == alu_b;   // beside the subtraction, not after its carry chain
    wire        sh_l  = f_aluop[2:0] == 3'd1;
    reg  [31:0] sh_a, sh_y;
    reg  [32:0] sh_r;
    integer     b;
    always @* begin
        for (b = 0; b < 32; b = b + 1) sh_a[b] = sh_l ? rs1v[31 - b] : rs1v[b];
        sh_r = $signed({f_aluop[3] & !sh_l & rs1v[31], sh_a}) >>> alu_b[4:0];
        for (b = 0; b < 32; b = b + 1) sh_y[b] = sh_l ? sh_r[31 - b] : sh_r[b];
    end
    reg  [31:0] alu_y;
    always @* begin
        case (f_aluop[2:0])
            3'd0:       alu_y = f_aluop[3] ? sub_y[31:0] : fw_add;
            3'd1, 3'd5: alu_y = sh_y;
            3'd2:       alu_y = {31'd0, lt};
            3'd3:       alu_y = {31'd0, ltu};
            3'd4:       alu_y = rs1v ^ alu_b;
            3'd6:       alu_y = rs1v | alu_b;
            default:    alu_y = rs1v & alu_b;
        endcase
    end
    // the condition (cond): a branch's funct3, or the translation-mode ASSERT's funct7[2:0];
    // BMI/BPL (translation mode; firmware mode rejects them) are bit 31 of the same subtraction
    reg take;
    always @* begin
        case (cond)
            `CMS_F3_BEQ:  take = eq;
            `CMS_F3_BNE:  take = !eq;
            `CMS_F3_BMI:  take = sub_y[31];
            `CMS_F3_BPL:  take = !sub_y[31];
            `CMS_F3_BLT:  take = lt;
            `CMS_F3_BGE:  take = !lt;
            `CMS_F3_BLTU: take = ltu;
            default:      take = !ltu;        // `CMS_F3_BGEU
        endcase
    end
    assign fw_alu  = alu_y;
    assign fw_take = take;

    // ---------------------------------------------------------------- the slot's operation
    wire s_ill0, s_nop, s_alu, s_load, s_store, s_mul, s_div;
    wire s_branch, s_jump, s_exit, s_commit, s_assert;
    wire [3:0]  s_rd;
    wire [3:0]  s_nu_rs1, s_nu_rs2, s_nu_aluop;
    wire        s_nu_azero, s_nu_breg;
    wire [31:0] s_nu_imm, s_nu_boff;
    wire [2:0]  s_nu_cond;
    wire [1:0]  s_nu_mdop;
    wire [10:0] s_code;
    // every class is legal to the decoder here; which slot may hold it is decided below. The
    // operands go through the firmware datapath (the TRs are read on cms_rfb's ports).
    cms_slot_dec #(.FIRST(1), .LAST(1)) u_slot (
        .en_i     (1'b1),
        .op_i     (insn_q),
        .rs1_o    (s_nu_rs1),
        .rs2_o    (s_nu_rs2),
        .rd_o     (s_rd),
        .illegal_o(s_ill0),
        .nop_o    (s_nop),
        .alu_o    (s_alu),
        .load_o   (s_load),
        .store_o  (s_store),
        .mul_o    (s_mul),
        .div_o    (s_div),
        .branch_o (s_branch),
        .jump_o   (s_jump),
        .exit_o   (s_exit),
        .commit_o (s_commit),
        .assert_o (s_assert),
        .aluop_o  (s_nu_aluop),
        .a_zero_o (s_nu_azero),
        .b_reg_o  (s_nu_breg),
        .imm_o    (s_nu_imm),
        .cond_o   (s_nu_cond),
        .mdop_o   (s_nu_mdop),
        .boff_o   (s_nu_boff),
        .code_o   (s_code)
    );
    wire s_first = sidx_q == {SIW{1'b0}};
    wire s_last  = sidx_q == SLAST;
    wire s_bcls  = s_branch || s_jump || s_exit || s_commit || s_assert;
    wire s_taken = (s_branch && take) || s_jump;
    wire s_tbad  = s_taken && (!cms_in_rgn(fw_pcrel, `CMS_TC_BASE, `CMS_TC_BYTES) ||
                               fw_pcrel[BSH-1:0] != {BSH{1'b0}});
    // (a bad branch target only in the last slot, which is never slot 0: registered in ill_q)
    wire s_ill   = s_ill0 || (!s_first && (s_load || s_store || s_mul || s_div)) || (!s_last && s_bcls);
    wire s_wr    = (s_alu || s_load || s_mul || s_div) && s_rd != 4'd0;   // slot 0: a result

    // ---------------------------------------------------------------- guest memory (slot 0)
    // The offset is fw_add (cms_fw_dec's gwbase_i is 0), checked by its window test (f_in_gw:
    // below GWLIMIT and inside the protection bits) and f_misal. The physical address
    // GWBASE + offset (also the drain's) is inside DMEM if its bits above DMEM's size equal
    // DMEM_BASE's: an offset inside the protection bits is below DMEM_BYTES (at least
    // DMEM_BYTES_MIN, tools/gen_defs.py),
    // so those bits are GWBASE's plus the carry out of the low bits, and only the low bits need
    // an adder. Registered at S_TX (bnd_q): decided the cycle after.
    localparam DW = DAW + 2;
    localparam [31:0] DMEM_BASE = `CMS_DMEM_BASE;
    localparam [31-DW:0] DB_HI = DMEM_BASE[31:DW];
    wire [PAW-1:0]  sb_drain_off;
    wire [DW-1:0]   t_off = st_q == S_DR ? {{(DW-PAW-2){1'b0}}, sb_drain_off, 2'b00} : fw_add[DW-1:0];
    wire [DW:0]     t_lo = {1'b0, gwbase_q[DW-1:0]} + {1'b0, t_off};
    wire            t_in_dmem = gwbase_q[31:DW] == (t_lo[DW] ? DB_HI - 1'b1 : DB_HI);
    wire            t_bounds = f_misal || !f_in_gw || !t_in_dmem;
    wire [31:0]     t_daddr = `CMS_DMEM_BASE | {{(32-DW){1'b0}}, t_lo[DW-1:2], 2'b00};
    reg             bnd_q;

    // ---------------------------------------------------------------- store buffer
    wire            sb_hit, sb_last, sb_full, nu_sbdrain;
    wire [31:0]     sb_rdata, sb_drain_data;
    wire [SBCW-1:0] sb_count;
    reg             sb_enq, sb_rollback;
    cms_sbuf_mc #(.DEPTH(SB_DEPTH), .AW(PAW), .CW(SBCW)) u_sbuf (
        .clk_i        (clk_i),
        .rst_ni       (rst_ni),
        .enq_i        (sb_enq),
        .enq_addr_i   (fw_add[PAW+1:2]),
        .enq_data_i   (rs2v),
        .look_i       (tx_q && st_q == S_TX && s_load),
        .look_addr_i  (fw_add[PAW+1:2]),
        .look_hit_o   (sb_hit),
        .look_data_o  (sb_rdata),
        .commit_i     (rf_commit),
        .rollback_i   (sb_rollback),
        .drain_i      (st_q == S_DR),
        .drain_o      (nu_sbdrain),
        .drain_addr_o (sb_drain_off),
        .drain_data_o (sb_drain_data),
        .last_o       (sb_last),
        .count_o      (sb_count),
        .full_o       (sb_full)
    );

    // ---------------------------------------------------------------- protection bits
    // block RAM, read every cycle at prot_idx (stable from S_E / S_TX on); prot_bit_q is the
    // bit in S_P. Translation: f_gwoff is the offset (cms_fw_dec's gwbase_i is 0).
    (* no_rw_check *)   // what it reads in the cycle of a write (tx.prot) is never used
    reg              prot_m [0:NPROT-1];
    reg              prot_bit_q;
    integer          k;
    initial for (k = 0; k < NPROT; k = k + 1) prot_m[k] = 1'b0;
    wire [PAW-1:0]   prot_idx = (!tx_q && (f_txprot || f_txprotrd)) ? rs1v[PAW+1:2] : f_gwoff[PAW+1:2];
    reg              prot_we;
    always @(posedge clk_i) begin
        if (prot_we) prot_m[prot_idx] <= rs2v[0];
        prot_bit_q <= prot_m[prot_idx];
    end
    // Every aligned firmware store and tx.protrd finish in S_P, where the bit is there; whether
    // a store is in the window (an address, an offset and a compare: three carry chains) is
    // registered at the end of S_E (in_gw_q), so that it never feeds the next PC or a write
    // enable; a translated LW/SW's bounds likewise at the end of S_TX (bnd_q).
    reg  in_gw_q;
    // Likewise whether a firmware load or store faults (exc_q: f_exc in S_E), taken in S_L
    // or S_P, so that no address check feeds the next PC or a write enable.
    reg  exc_q;
    // A translated divide's zero divisor likewise (dz_q), decided in S_V's first cycle.
    reg  dz_q;
    always @(posedge clk_i) begin
        if (st_q == S_E) begin in_gw_q <= f_in_gw; exc_q <= f_exc; end
        if (st_q == S_TX) begin bnd_q <= t_bounds; dz_q <= rs2v == 32'd0; end
    end
    wire f_prot    = st_q == S_P && f_store && !f_misal && in_gw_q && prot_bit_q;
    wire need_prot = f_txprotrd || (f_store && !f_misal);

    // ---------------------------------------------------------------- traps
    wire irq_take = irq_i && meie_q && mie_q;
    wire irq_en   = irq_i && meie_q;     // translation: a pending interrupt aborts the bundle
    wire f_exc = f_dexc || f_prot;
    // What S_E traps on: the checks that need no address (a load decides its own in S_L, a
    // store and tx.protrd in S_P, from exc_q = f_exc registered at the end of S_E); a
    // misaligned store needs only the address's low bits
    wire f_exc_e = pcbad_q || f_ill || f_ecall || f_ebreak || f_jmisal || (f_store && f_misal) || f_protoob;

    // ---------------------------------------------------------------- multiply, divide
    wire [31:0] mul_y;
    // the instruction (insn_q) and its operands (cms_rfb, read once) hold until it finishes:
    // the multiplier and the divider take them as they are, and a load's alignment in S_L uses
    // the address computed again
    cms_mul u_mul (.en_i(st_q == S_M), .op_i(funct3[1:0]), .a_i(rs1v), .b_i(rs2v), .y_o(mul_y));
    wire        div_idle, div_done;
    wire [31:0] div_y;
    reg         div_start, div_ack, div_kill;
    cms_div_mc u_div (
        .clk_i   (clk_i),
        .rst_ni  (rst_ni),
        .start_i (div_start),
        .ack_i   (div_ack),
        .kill_i  (div_kill),
        .op_i    (funct3[1:0]),
        .a_i     (rs1v),
        .b_i     (rs2v),
        .idle_o  (div_idle),
        .done_o  (div_done),
        .y_o     (div_y)
    );

    // ---------------------------------------------------------------- loads
    // a translated LW's word: the store buffer's youngest entry for it, or DMEM
    wire [31:0] ld_w = sb_hit ? sb_rdata : d_rdata_i;
    // a firmware load's value, a firmware store's byte enables and data (the store data does
    // not wait for the decision to store, d_we_o)
    wire [31:0] ld_val, st_wdata;
    wire [3:0]  st_be;
    cms_lsalign u_lsalign (
        .st_size_i  (funct3[1:0]),
        .st_off_i   (f_addr[1:0]),
        .st_data_i  (rs2v),
        .st_be_o    (st_be),
        .st_wdata_o (st_wdata),
        .ld_f3_i    (funct3),
        .ld_off_i   (f_addr[1:0]),
        .ld_data_i  (d_rdata_i),
        .ld_word_i  (ld_w),
        .ld_val_o   (ld_val)
    );

    // ---------------------------------------------------------------- the upper slots' results
    // wsel: the lowest slot whose result is still to be written (S_W writes it), wsel_n the one
    // after it. Its word is read the cycle before: in the cycle slot 0 is decided (t_decst,
    // whatever the decision), then in each S_W cycle for the next.
    reg [SIW-1:0] wsel, wsel_n;
    integer       w;
    always @* begin
        wsel = SLAST;
        for (w = LS; w >= 1; w = w - 1) if (wq_q[w]) wsel = w[SIW-1:0];
    end
    wire [SLOTS-1:0] wq_rest = wq_q & ~({{(SLOTS-1){1'b0}}, 1'b1} << wsel);
    always @* begin
        wsel_n = SLAST;
        for (w = LS; w >= 1; w = w - 1) if (wq_rest[w]) wsel_n = w[SIW-1:0];
    end
    wire t_decst = tx_q && ((st_q == S_TX && s_first && !cnt_full && !(s_load || s_store || s_mul || s_div)) ||
                            st_q == S_L || st_q == S_M || st_q == S_P || (st_q == S_V && div_done));
    assign t_rtmp = (t_decst && wq_q != {SLOTS{1'b0}}) || (st_q == S_W && wq_rest != {SLOTS{1'b0}});
    assign t_tsel = {{(4-SIW){1'b0}}, st_q == S_W ? wsel_n : wsel};

    // ---------------------------------------------------------------- next state
    // firmware: done (the instruction retires with result wval, written if f_wb) or trap;
    // translation: t_dec (slot 0 is decided: its result t_wval written if s_wr, a store enters
    // the buffer; then S_W or the bundle completes), t_done (the bundle completes this cycle,
    // with the commit), abort (with the cause t_cause)
    reg        trap, trap_irq, done, t_dec, t_done, abort;
    reg        a_ill, a_bnd, a_prot, a_full, a_divz, a_asrt, a_irq;
    wire [7:0] t_cause;      // the abort's cause (cms_csr)
    wire       t_trap;       // and whether it traps
    reg [31:0] wval;
    // the faults of each state where a bundle can abort, and the cause (docs/isa.md section 10)
    always @* begin
        a_ill = 1'b0; a_bnd = 1'b0; a_prot = 1'b0; a_full = 1'b0; a_divz = 1'b0; a_asrt = 1'b0;
        a_irq = 1'b0;
        if (tx_q) case (st_q)
            S_TR: a_ill = pcbad_q;
            S_TX: if (s_first && !cnt_full) begin
                a_ill = ill_q || s_ill;
                // a load, store, multiply or divide decides the rest in its next state
                if (!(s_load || s_store || s_mul || s_div)) begin
                    a_asrt = asrt_q; a_irq = irq_en;
                end
            end
            S_L, S_M: begin a_bnd = bnd_q && st_q == S_L; a_asrt = asrt_q; a_irq = irq_en; end
            S_P: begin
                a_bnd = bnd_q; a_prot = prot_bit_q; a_full = sb_full; a_asrt = asrt_q; a_irq = irq_en;
            end
            S_V: begin a_divz = dz_q; a_asrt = asrt_q; a_irq = irq_en; end
            default: ;
        endcase
        abort = a_ill || a_bnd || a_prot || a_full || a_divz || a_asrt || a_irq;
    end

    always @* begin
        st_d = st_q; tx_d = tx_q; pc_d = pc_q;
        trap = 1'b0; trap_irq = 1'b0; done = 1'b0; wval = f_val;
        t_dec = 1'b0; t_done = 1'b0;
        div_start = 1'b0; div_ack = 1'b0; div_kill = 1'b0;
        sb_enq = 1'b0; sb_rollback = 1'b0;
        cnt_add = 1'b0;
        d_en_o = 1'b0; d_we_o = 4'd0; d_addr_o = f_addr; d_wdata_o = st_wdata;
        prot_we = 1'b0;
        rf_we = 1'b0; rf_wtr = 1'b0; rf_widx = rd; rf_wboth = 1'b0; rf_wdata = wval;
        rf_commit = 1'b0; rf_rollback = 1'b0;

        case (st_q)
            S_F: st_d = S_D;
            S_D: begin
                if (irq_take) begin
                    trap = 1'b1; trap_irq = 1'b1;
                end else if (pcbad_q) begin   // the first cause of cms_fw_dec's
                    trap = 1'b1;
                end else if (!(is_system && cnt_busy)) begin   // a csrr of a counter waits for its update
                    st_d = S_E;
                end
            end
            S_E: begin
                // a store's checks are decided in S_P, a load's in S_L (exc_q): none of the
                // address checks feeds the next PC here; a load outside DMEM reads nothing
                // that matters (no read has a side effect, docs/isa.md section 2)
                if (need_prot && !f_ill)  st_d = S_P;
                else if (f_load && !f_ill) begin
                    d_en_o = 1'b1;
                    st_d = S_L;
                end else if (f_exc_e) begin
                    trap = 1'b1;
                end else if (f_mul)       st_d = S_M;
                else if (f_div) begin
                    div_start = div_idle;
                    st_d = S_V;
                end else                  done = 1'b1;
            end
            S_L: if (!tx_q) begin
                     if (exc_q) begin
                         trap = 1'b1;
                     end else begin
                         done = 1'b1; wval = ld_val;
                     end
                 end
                 else begin
                     t_dec = 1'b1; wval = ld_w;
                 end
            S_M: if (!tx_q) begin done = 1'b1; wval = mul_y; end
                 else begin
                     t_dec = 1'b1; wval = mul_y;
                 end
            S_V: if (!tx_q) begin
                     if (div_done) begin done = 1'b1; wval = div_y; div_ack = 1'b1; end
                 end else begin
                     if (div_done) begin t_dec = 1'b1; wval = div_y; div_ack = 1'b1; end
                 end
            S_P: if (!tx_q) begin
                     if (exc_q || f_prot) begin   // = f_exc, the address checks registered
                         trap = 1'b1;
                     end else begin
                         done = 1'b1; wval = {31'd0, prot_bit_q};
                     end
                 end else begin
                     t_dec = 1'b1; sb_enq = 1'b1;
                 end
            S_TR: st_d = S_TX;
            S_TX: begin
                if (!s_first) begin
                    st_d = S_TX;
                    if (s_last && s_exit) begin   // the exit code (an abort overwrites it)
                        rf_we = 1'b1; rf_widx = ret_rd_q; rf_wdata = {21'd0, s_code};
                    end else begin                // the result, to its word
                        rf_we = s_alu && s_rd != 4'd0; rf_wtr = 1'b1;
                        rf_widx = {1'b1, {(4-SIW){1'b0}}, sidx_q}; rf_wdata = f_val;
                    end
                end else if (!cnt_full) begin
                    if (s_load) begin
                        d_en_o = 1'b1; d_addr_o = t_daddr;
                        st_d = S_L;
                    end else if (s_store) st_d = S_P;
                    else if (s_mul)      st_d = S_M;
                    else begin
                        if (s_div) begin
                            div_start = div_idle;
                            st_d = S_V;
                        end else t_dec = 1'b1;
                        wval = f_val;
                    end
                end
            end
            S_W: begin
                rf_we = 1'b1; rf_wtr = 1'b1; rf_widx = {1'b0, rdq_q[wsel]}; rf_wdata = rs1v;
                t_done = wq_rest == {SLOTS{1'b0}};
            end
            S_DP: st_d = S_DR;
            S_DR: begin
                d_en_o = 1'b1; d_we_o = 4'hf; d_addr_o = t_daddr; d_wdata_o = sb_drain_data;
                if (sb_last) st_d = tx_q ? S_TR : S_D;
            end
            default: st_d = S_F;
        endcase

        // ------------------------------------------------ firmware: retire or trap
        if (trap) begin
            pc_d = mtvec_q;
            st_d = S_D;
        end
        if (done) begin
            pc_d = f_jump ? f_target : fw_link;
            st_d = S_D;
            if (f_store) begin
                d_en_o = 1'b1;
                d_we_o = st_be;
            end
            if (f_txprot) prot_we = 1'b1;
            if (f_mret) pc_d = mepc_q;
            if (f_txenter) begin
                tx_d = 1'b1; pc_d = rs1v; st_d = S_TR;
            end
            // the register write: a result, or tx.wr (working and shadow)
            rf_we = f_wb || f_txwr || f_txprotrd;
            rf_wtr = f_txwr;
            rf_wboth = f_txwr;
            rf_wdata = f_txwr ? rs1v : wval;
            rf_commit = f_txcommit;
            rf_rollback = f_txrollback;
        end

        // ------------------------------------------------ translation: decide, complete, abort
        if (abort) begin
            t_dec = 1'b0; sb_enq = 1'b0; d_en_o = 1'b0; div_start = 1'b0; div_ack = 1'b0;
            div_kill = 1'b1;
            rf_rollback = 1'b1; sb_rollback = 1'b1;
            rf_we = 1'b1; rf_wtr = 1'b0; rf_widx = ret_rd_q;
            rf_wdata = `CMS_TX_ABORT_BIT | {24'd0, t_cause};
            tx_d = 1'b0; pc_d = t_trap ? mtvec_q : ret_pc; st_d = S_D;
        end
        if (t_dec) begin
            rf_we = s_wr; rf_wtr = 1'b1; rf_widx = {1'b0, s_rd}; rf_wdata = wval;
            if (wq_q != {SLOTS{1'b0}}) st_d = S_W;
            else t_done = 1'b1;
        end
        if (t_done) begin
            rf_commit = cmt_q;
            cnt_add = 1'b1;
            pc_d = exit_q ? ret_pc : next_pc;
            tx_d = !exit_q;
            st_d = exit_q ? S_D : S_TR;
            // a commit with buffered stores (the one entering now included) drains them first
            if (cmt_q && (sb_count != {SBCW{1'b0}} || sb_enq)) st_d = S_DP;
        end
    end
    wire [7:0] rb_cause = t_cause - `CMS_CAUSE_TX_FIRST;
    always @* begin
        cnt_rb = abort;
        cnt_rbi = rb_cause[2:0];
    end

    // ---------------------------------------------------------------- CSRs, traps, aborts
    cms_csr #(.SLOTS(SLOTS), .SB_DEPTH(SB_DEPTH), .SBCW(SBCW), .GATE(0), .CNT_RAM(1),
              .DMEM_BYTES(DMEM_BYTES)) u_csr (
        .clk_i       (clk_i),
        .rst_ni      (rst_ni),
        .irq_i       (irq_i),
        .re_i        (1'b1),
        .a_i         (csr_a),
        .rv_o        (csr_rv),
        .ok_o        (csr_ok),
        .ro_o        (csr_ro),
        .we_i        (done && f_csr && csr_wr),
        .wv_i        (csr_wv),
        .retire_i    (done),
        .mret_i      (done && f_mret),
        .trap_i      (trap),
        .trap_irq_i  (trap_irq),
        .cause_i     (f_cause),
        .tval_i      (f_tval),
        .epc_i       (pc_q),
        .abort_i     (abort),
        .ab_ill_i    (a_ill),
        .ab_bnd_i    (a_bnd),
        .ab_prot_i   (a_prot),
        .ab_full_i   (a_full),
        .ab_divz_i   (a_divz),
        .ab_asrt_i   (a_asrt),
        .tpc_i       (pc_q),
        .ret_pc_i    (ret_pc),
        .ab_cause_o  (t_cause),
        .ab_trap_o   (t_trap),
        // a store-buffer drain belongs to the translation that committed it
        .cyc_tx_i    (tx_q || st_q == S_DP || st_q == S_DR),
        .sb_count_i  (sb_count),
        .cnt_i       ({(14*32){1'b0}}),   // the other counters: cms_cnt_mc's RAM (cnt_rdata_i)
        .cnt_rdata_i (cnt_rdata),
        .mie_o       (mie_q),
        .meie_o      (meie_q),
        .mtvec_o     (mtvec_q),
        .mepc_o      (mepc_q),
        .gwbase_o    (gwbase_q),
        .gwlimit_o   (gwlimit_q)
    );

    cms_cnt_mc u_cnt (
        .clk_i    (clk_i),
        .rst_ni   (rst_ni),
        .add_i    (cnt_add),
        .ops_a_i  (opsa_q + {2'b00, s_alu && !s_nop}),
        .ops_m_i  (s_load || s_store),
        .ops_x_i  (s_mul || s_div),
        .ops_b_i  (opsb_q),
        .st_i     (s_store),
        .commit_i (rf_commit),
        .rb_i     (cnt_rb),
        .rb_idx_i (cnt_rbi),
        .full_o   (cnt_full),
        .busy_o   (cnt_busy),
        .re_i     (st_q == S_D && !tx_q),
        .raddr_i  (i_rdata_i[24:20]),
        .rdata_o  (cnt_rdata)
    );

    // ---------------------------------------------------------------- fetch
    // IMEM and the TC are aligned to their sizes (tools/gen_defs.py)
    assign i_addr_o = pc_d[IAW+1:2];
    assign t_row_o  = pc_d[TRW+BSH-1:BSH];

    // ---------------------------------------------------------------- registers
    always @(posedge clk_i) begin
        if (st_q == S_D) insn_q <= i_rdata_i;
        if (t_read) insn_q <= t_word;
        // translation: what each slot decides, kept until the bundle completes
        if (st_q == S_TR) begin
            sidx_q <= SLAST;
            ill_q <= 1'b0; asrt_q <= 1'b0; cmt_q <= 1'b0; exit_q <= 1'b0; opsb_q <= 1'b0;
            opsa_q <= 3'd0; wq_q <= {SLOTS{1'b0}};
        end
        if (st_q == S_TX && !s_first) begin
            sidx_q <= sidx_q - 1'b1;
            ill_q <= ill_q || s_ill || s_tbad;
            opsa_q <= opsa_q + {2'b00, s_alu && !s_nop};
            rdq_q[sidx_q] <= s_rd;
            wq_q[sidx_q] <= s_alu && s_rd != 4'd0;
            if (s_last) begin
                next_q <= s_taken ? fw_pcrel[TRW+BSH:BSH] : fw_link[TRW+BSH:BSH];
                asrt_q <= s_assert && !take;
                cmt_q <= s_commit || s_exit;
                exit_q <= s_exit;
                opsb_q <= s_bcls;
            end
        end
        if (st_q == S_W) wq_q <= wq_rest;
        if (done && f_txenter) begin
            ret_q <= fw_link[IAW+2:2];
            ret_rd_q <= rd;
        end
    end
    always @(posedge clk_i) begin
        if (!rst_ni) begin
            st_q <= S_F; tx_q <= 1'b0; pc_q <= `CMS_RESET_PC;
        end else begin
            st_q <= st_d; tx_q <= tx_d; pc_q <= pc_d;
        end
    end

    wire unused = &{1'b0, nu_sbdrain, nu_rs1, nu_rs2, nu_sys, f_ld_fault, f_st_fault, f_gwoff[31:PAW+2], f_gwoff[1:0],
                    s_nu_rs1, s_nu_rs2, s_nu_aluop, s_nu_azero, s_nu_breg, s_nu_imm,
                    s_nu_cond, s_nu_mdop, s_nu_boff, f_txenter, rdq_q[0], rb_cause[7:3]};   // rs2: read from IMEM in S_D
endmodule
