`default_nettype none
`include "cms_defs.vh"
// cms_core -- one core, two instruction streams (docs/isa.md).
//
//   firmware mode:    IMEM --> X (decode, regs, ALU, branch, CSR, mem address) --> W (load/mul, write back)
//   translation mode: TC   --> X (SLOTS slots read TRs, ALU, guest mem, branch/exit) --> W (load/mul into TR)
//
// Both memories are synchronous: the fetch address for the next cycle is computed in X from
// this cycle's instruction or bundle (so a taken branch costs nothing). Results of loads and
// multiplies appear in W and are forwarded into X, so there is no load-use stall. X stalls only
// for a divide (34 cycles in all) and while the store buffer drains after a commit.
// Each mode's combinational logic sits under an `if` on the mode (cms_slot's en_i, cms_fw_dec's
// en_i and GATE, cms_csr's GATE): the same hardware, but the Verilator model skips the idle
// mode's logic.
module cms_core #(
    parameter SLOTS      = 2,
    parameter SB_DEPTH   = 8,
    parameter DMEM_BYTES = `CMS_DMEM_BYTES_SIM   // the chip's DMEM size (cms_chip)
) (
    input  wire                  clk_i,
    input  wire                  rst_ni,
    input  wire                  irq_i,
    // firmware instruction fetch (IMEM word index)
    output wire [IAW-1:0]        i_addr_o,
    input  wire [31:0]           i_rdata_i,
    // bundle fetch (TC row)
    output wire [TRW-1:0]        t_row_o,
    input  wire [SLOTS*32-1:0]   t_rdata_i,
    // data port (physical byte address; the chip routes it to DMEM, TC or MMIO)
    output reg                   d_en_o,
    output reg  [3:0]            d_we_o,
    output reg  [31:0]           d_addr_o,
    output reg  [31:0]           d_wdata_o,
    input  wire [31:0]           d_rdata_i
);
    // ---------------------------------------------------------------- geometry
    localparam IAW     = $clog2(`CMS_IMEM_BYTES / 4);
    localparam DAW     = $clog2(DMEM_BYTES / 4);
    localparam BB      = SLOTS * 4;                       // bundle bytes
    localparam BSH     = $clog2(BB);
    localparam TRW     = $clog2(`CMS_TC_BYTES / BB);
    localparam NTR     = `CMS_TR_COUNT;
    localparam NSH     = `CMS_TR_SHADOWED;
    localparam NPROT   = `CMS_PROT_WORDS;
    localparam PAW     = $clog2(NPROT);
    localparam SBCW    = $clog2(SB_DEPTH + 1);
    localparam NRD     = 2 * SLOTS + 1;
    localparam [31:0] PROT_BYTES = NPROT * 4;

    localparam M_FW = 1'b0, M_TX = 1'b1;
    localparam K_VAL = 2'd0, K_LOAD = 2'd1, K_MUL = 2'd2;

    `include "cms_fn.vh"

    // ---------------------------------------------------------------- state
    reg              mode_q, mode_d;
    reg              xv_q, xv_d;            // the fetched word/bundle in X is valid
    reg [31:0]       pc_q, pc_d;            // firmware: address of the instruction in X
    reg              pcbad_q;
    reg [31:0]       tpc_q, tpc_d;          // translation: TC address of the bundle in X
    reg              tpcbad_q;
    reg [31:0]       ret_pc_q, ret_pc_d;    // tx.enter: where firmware resumes
    reg [4:0]        ret_rd_q, ret_rd_d;    // tx.enter: rd for the exit code

    // W stage, firmware-register lane
    reg              wf_v_q, wf_v_d;
    reg [4:0]        wf_rd_q, wf_rd_d;
    reg [1:0]        wf_kind_q, wf_kind_d;
    reg [31:0]       wf_val_q, wf_val_d;
    // W stage, translation-register lane (slot 0 load / multiply)
    reg              wt_v_q, wt_v_d;
    reg [3:0]        wt_rd_q, wt_rd_d;
    reg              wt_mul_q, wt_mul_d;
    reg              wt_commit_q, wt_commit_d;
    reg              wt_hit_q, wt_hit_d;
    reg [31:0]       wt_fwd_q, wt_fwd_d;
    // W stage, shared
    reg [2:0]        w_ldf3_q, w_ldf3_d;
    reg [1:0]        w_ldoff_q, w_ldoff_d;
    reg [1:0]        w_mop_q, w_mop_d;
    reg [31:0]       w_ma_q, w_ma_d, w_mb_q, w_mb_d;

    // the CSRs (cms_csr) the core uses
    wire             mie_q, meie_q;
    wire [31:0]      mtvec_q, mepc_q, gwbase_q, gwlimit_q;
    // counters (CNT_FWCYC, CNT_TXCYC and CNT_SBHWM are cms_csr's)
    reg [31:0]       c_bundles_q, c_opsa_q, c_opsm_q, c_opsx_q, c_opsb_q;
    reg [31:0]       c_commits_q, c_sbstores_q;
    reg [31:0]       c_rb_q [0:6];

    // register files
    reg [31:0]       rf_q [1:31];
    // protection bits: block RAM with a synchronous read (prot_bit_q: the bit at the previous
    // cycle's prot_idx). What needs a bit spends one extra cycle in X to read it (prot_ok_q:
    // prot_bit_q is the bit for what is in X now).
    reg              prot_m [0:NPROT-1];
    reg              prot_bit_q, prot_ok_q;
    integer          k;
    initial for (k = 0; k < NPROT; k = k + 1) prot_m[k] = 1'b0;

    // ---------------------------------------------------------------- W stage results
    wire [31:0] mul_y;
    cms_mul u_mul (.en_i((wf_v_q && wf_kind_q == K_MUL) || (wt_v_q && wt_mul_q)), .op_i(w_mop_q), .a_i(w_ma_q), .b_i(w_mb_q), .y_o(mul_y));

    // a firmware load's value (W), a firmware store's byte enables and data (X)
    wire [31:0] ld_val, st_wdata;
    wire [3:0]  st_be;
    wire [1:0]  f_off;
    wire [2:0]  funct3;
    wire [31:0] rs2v;
    cms_lsalign u_lsalign (
        .st_size_i  (funct3[1:0]),
        .st_off_i   (f_off),
        .st_data_i  (rs2v),
        .st_be_o    (st_be),
        .st_wdata_o (st_wdata),
        .ld_f3_i    (w_ldf3_q),
        .ld_off_i   (w_ldoff_q),
        .ld_data_i  (d_rdata_i),
        .ld_word_i  (d_rdata_i),
        .ld_val_o   (ld_val)
    );
    wire [31:0] wf_res = wf_kind_q == K_LOAD ? ld_val : wf_kind_q == K_MUL ? mul_y : wf_val_q;
    wire [31:0] wt_res = wt_mul_q ? mul_y : wt_hit_q ? wt_fwd_q : d_rdata_i;
    wire        wf_we  = wf_v_q && wf_rd_q != 5'd0;

    always @(posedge clk_i) begin
        if (wf_we) rf_q[wf_rd_q] <= wf_res;
    end

    // ---------------------------------------------------------------- firmware decode (X)
    wire [31:0] insn   = i_rdata_i;
    wire [4:0]  rd, rs1, rs2;

    wire [31:0] rs1v = rs1 == 5'd0 ? 32'd0 : (wf_we && wf_rd_q == rs1) ? wf_res : rf_q[rs1];
    assign      rs2v = rs2 == 5'd0 ? 32'd0 : (wf_we && wf_rd_q == rs2) ? wf_res : rf_q[rs2];


    // translation registers, store buffer, divider (declared here, wired below)
    wire [NRD*4-1:0]   tr_ridx;
    wire [NRD*32-1:0]  tr_rdata;
    wire [31:0]        tr_fw_rdata = tr_rdata[2*SLOTS*32 +: 32];
    wire               sb_look_hit, sb_drain, sb_full, nu_sblast;
    wire [31:0]        sb_look_data, sb_drain_data;
    wire [DAW-1:0]     sb_drain_addr;
    wire [SBCW-1:0]    sb_count;
    wire               div_idle, div_done;
    wire [31:0]        div_y;

    wire        prot_rd;   // protection bits: one read per cycle (firmware store, tx.prot*, or a translated store)
    wire        fw_pstall, tx_pstall;

    // the decode (cms_fw_dec; gated: its Verilator model skips the address checks and the CSR
    // read of other instructions) and this core's ALU and branch condition
    wire [11:0] csr_a;
    wire [2:0]  cond;
    wire [3:0]  f_aluop;
    wire [31:0] f_alu_b, f_val, f_target, f_addr, f_gwoff, f_cause, f_tval, csr_rv, csr_wv;
    wire [31:0] fw_link, nu_add, nu_pcrel;
    wire        f_sys, csr_ok, csr_ro, csr_wr, f_dexc;
    wire        f_ill, f_wb, f_load, f_store, f_mul, f_div, f_csr, f_jump, f_mret;
    wire        f_txenter, f_txwr, f_txprot, f_txprotrd, f_txcommit, f_txrollback;
    wire        f_misal, f_in_gw, nu_ecall, nu_ebreak, nu_ldf, nu_stf, nu_protoob, nu_jmisal;
    wire [31:0] fw_alu  = cms_alu(f_aluop, rs1v, f_alu_b);
    wire        fw_take = cms_bcmp(cond, rs1v, rs2v);
    cms_fw_dec #(.HAS_TX(1), .GATE(1), .DMEM_BYTES(DMEM_BYTES)) u_fw_dec (
        .en_i         (mode_q == M_FW),
        .insn_i       (insn),
        .pc_i         (pc_q),
        .pcbad_i      (pcbad_q),
        .gwbase_i     (gwbase_q),
        .gwlimit_i    (gwlimit_q),
        .rs1v_i       (rs1v),
        .rs2v_i       (rs2v),
        .txrd_i       (tr_fw_rdata),
        .csr_rv_i     (csr_rv),
        .csr_ok_i     (csr_ok),
        .csr_ro_i     (csr_ro),
        .alu_i        (fw_alu),
        .take_i       (fw_take),
        .rd_o         (rd),
        .rs1_o        (rs1),
        .rs2_o        (rs2),
        .funct3_o     (funct3),
        .csr_a_o      (csr_a),
        .sys_o        (f_sys),
        .cond_o       (cond),
        .aluop_o      (f_aluop),
        .alu_b_o      (f_alu_b),
        .add_o        (nu_add),
        .pcrel_o      (nu_pcrel),
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
        .ecall_o      (nu_ecall),
        .ebreak_o     (nu_ebreak),
        .txenter_o    (f_txenter),
        .txwr_o       (f_txwr),
        .txprot_o     (f_txprot),
        .txprotrd_o   (f_txprotrd),
        .txcommit_o   (f_txcommit),
        .txrollback_o (f_txrollback),
        .addr_o       (f_addr),
        .gwoff_o      (f_gwoff),
        .misal_o      (f_misal),
        .ld_fault_o   (nu_ldf),
        .st_fault_o   (nu_stf),
        .in_gw_o      (f_in_gw),
        .protoob_o    (nu_protoob),
        .jmisal_o     (nu_jmisal),
        .csr_wr_o     (csr_wr),
        .csr_wv_o     (csr_wv),
        .exc_o        (f_dexc),
        .cause_o      (f_cause),
        .tval_o       (f_tval)
    );

    // ---------------------------------------------------------------- translation slots (X)
    wire [SLOTS*32-1:0] bundle = t_rdata_i;
    wire [SLOTS-1:0] s_ill, s_nop, s_alu, s_load, s_store, s_mul, s_div;
    wire [SLOTS-1:0] s_branch, s_jump, s_exit, s_commit, s_assert, s_take;
    wire [SLOTS*4-1:0]  s_rd;
    wire [SLOTS*32-1:0] s_res;
    wire [31:0] s0_memoff, sl_boff;
    wire [1:0]  s0_mdop;
    wire [10:0] sl_code;

    genvar s;
    generate for (s = 0; s < SLOTS; s = s + 1) begin : g_slot
        wire [31:0] memoff, boff;
        wire [1:0]  mdop;
        wire [10:0] code;
        cms_slot #(.FIRST(s == 0), .LAST(s == SLOTS - 1)) u_slot (
            .en_i     (mode_q == M_TX),
            .op_i     (bundle[s*32 +: 32]),
            .rs1v_i   (tr_rdata[(2*s)*32 +: 32]),
            .rs2v_i   (tr_rdata[(2*s+1)*32 +: 32]),
            .rs1_o    (tr_ridx[(2*s)*4 +: 4]),
            .rs2_o    (tr_ridx[(2*s+1)*4 +: 4]),
            .rd_o     (s_rd[s*4 +: 4]),
            .illegal_o(s_ill[s]),
            .nop_o    (s_nop[s]),
            .alu_o    (s_alu[s]),
            .load_o   (s_load[s]),
            .store_o  (s_store[s]),
            .mul_o    (s_mul[s]),
            .div_o    (s_div[s]),
            .branch_o (s_branch[s]),
            .jump_o   (s_jump[s]),
            .exit_o   (s_exit[s]),
            .commit_o (s_commit[s]),
            .assert_o (s_assert[s]),
            .result_o (s_res[s*32 +: 32]),
            .memoff_o (memoff),
            .mdop_o   (mdop),
            .take_o   (s_take[s]),
            .boff_o   (boff),
            .code_o   (code)
        );
        if (s == 0) begin : g_first
            assign s0_memoff = memoff;
            assign s0_mdop = mdop;
        end
        if (s == SLOTS - 1) begin : g_last
            assign sl_boff = boff;
            assign sl_code = code;
        end
    end endgenerate
    assign tr_ridx[2*SLOTS*4 +: 4] = rs1[3:0];

    // slot 0: guest memory; last slot: control
    localparam  LS = SLOTS - 1;
    wire        t_mem     = s_load[0] || s_store[0];
    wire [31:0] t_phys    = gwbase_q + s0_memoff;
    wire        t_prot    = s_store[0] && prot_rd;
    wire        t_sbfull  = s_store[0] && sb_full;
    wire        t_divzero = s_div[0] && tr_rdata[32 +: 32] == 32'd0;
    wire        t_assertf = s_assert[LS] && !s_take[LS];
    wire        t_taken   = (s_branch[LS] && s_take[LS]) || s_jump[LS];
    wire        t_commit  = s_commit[LS] || s_exit[LS];
    reg         t_bounds, t_tbad;
    reg  [31:0] t_target;
    always @* begin
        t_bounds = 1'b0; t_tbad = 1'b0; t_target = 32'd0;
        if (t_mem)
            t_bounds = s0_memoff[1:0] != 2'd0 || s0_memoff >= gwlimit_q || s0_memoff >= PROT_BYTES ||
                       (t_phys - `CMS_DMEM_BASE) >= DMEM_BYTES;
        if (t_taken) begin
            t_target = tpc_q + LS * 4 + sl_boff;
            t_tbad = t_target[BSH-1:0] != {BSH{1'b0}} || (t_target - `CMS_TC_BASE) >= `CMS_TC_BYTES;
        end
    end
    wire        t_ill     = mode_q == M_TX && (tpcbad_q || (|s_ill) || t_tbad);

    // slot 0's load/multiply result arrives a cycle late; it is dropped when a higher slot of
    // the same bundle writes the same TR (read all, then write all: the higher slot wins)
    reg         t_late_lost;
    integer     h;
    always @* begin
        t_late_lost = 1'b0;
        h = 1;   // assigned on every path: a loop variable assigned only under the if is a latch to Yosys
        if (s_load[0] || s_mul[0]) for (h = 1; h < SLOTS; h = h + 1)
            if (s_alu[h] && s_rd[h*4 +: 4] == s_rd[3:0]) t_late_lost = 1'b1;
    end

    wire t_fault = t_ill || t_bounds || t_prot || t_sbfull || t_divzero || t_assertf;

    // ---------------------------------------------------------------- control
    wire irq_en   = irq_i && meie_q;
    wire tx_x     = mode_q == M_TX && xv_q && !sb_drain;
    // while the protection bit is read, only the faults ranked above TX_PROT can abort
    wire tx_abort = tx_x && (tx_pstall ? (t_ill || t_bounds) : (t_fault || irq_en));
    wire tx_dstall = s_div[0] && !div_done;
    wire tx_fire  = tx_x && !tx_abort && !tx_dstall && !tx_pstall;

    wire [7:0]  t_cause;    // the abort's cause (cms_csr)
    wire        t_trap;     // and whether it traps

    wire fw_x     = mode_q == M_FW && xv_q && !sb_drain;
    wire fw_irq   = fw_x && irq_en && mie_q && div_idle;
    wire fw_exc   = fw_x && !fw_irq && !fw_pstall && (f_dexc || f_prot);
    wire fw_dstall = f_div && !div_done;
    wire fw_fire  = fw_x && !fw_irq && !fw_exc && !fw_dstall && !fw_pstall;

    // protection bits
    wire f_prot = f_store && !f_misal && f_in_gw && prot_rd;
    reg [PAW-1:0] prot_idx;
    always @* begin
        if (mode_q == M_TX)            prot_idx = s0_memoff[PAW+1:2];
        else if (f_txprot || f_txprotrd) prot_idx = rs1v[PAW+1:2];
        else                           prot_idx = f_gwoff[PAW+1:2];
    end
    // a firmware store into the guest window, tx.protrd, a bundle with a store
    assign fw_pstall = (f_txprotrd || (f_store && !f_misal && f_in_gw)) && !prot_ok_q;
    assign tx_pstall = s_store[0] && !prot_ok_q;
    assign prot_rd = prot_bit_q;
    always @(posedge clk_i) begin
        if (fw_fire && f_txprot) prot_m[prot_idx] <= rs2v[0];
        prot_bit_q <= prot_m[prot_idx];
    end
    always @(posedge clk_i) begin
        if (!rst_ni) prot_ok_q <= 1'b0;
        else         prot_ok_q <= (fw_x && fw_pstall && !fw_irq) || (tx_x && tx_pstall && !tx_abort);
    end

    // divider (shared by both modes)
    wire div_want = (fw_x && f_div && !fw_irq && !fw_exc) || (tx_x && s_div[0] && !tx_abort);
    cms_div u_div (
        .clk_i   (clk_i),
        .rst_ni  (rst_ni),
        .start_i (div_want && div_idle),
        .ack_i   (fw_fire || tx_fire),
        .kill_i  (tx_abort || fw_irq || fw_exc),
        .op_i    (mode_q == M_TX ? s0_mdop : funct3[1:0]),
        .a_i     (mode_q == M_TX ? tr_rdata[31:0] : rs1v),
        .b_i     (mode_q == M_TX ? tr_rdata[32 +: 32] : rs2v),
        .idle_o  (div_idle),
        .done_o  (div_done),
        .y_o     (div_y)
    );

    // translation registers
    reg [SLOTS-1:0] tx_we;
    reg [SLOTS*32-1:0] tx_wdata;
    integer j;
    always @* begin
        for (j = 0; j < SLOTS; j = j + 1) begin
            tx_we[j] = tx_fire && s_alu[j] && s_rd[j*4 +: 4] != 4'd0;
            tx_wdata[j*32 +: 32] = s_res[j*32 +: 32];
        end
        if (tx_fire && s_div[0] && s_rd[3:0] != 4'd0) begin
            tx_we[0] = 1'b1;
            tx_wdata[31:0] = div_y;
        end
    end
    cms_treg #(.SLOTS(SLOTS), .N(NTR), .NSH(NSH)) u_treg (
        .clk_i      (clk_i),
        .slots_en_i (mode_q == M_TX),
        .ridx_i     (tr_ridx),
        .rdata_o    (tr_rdata),
        .w_we_i     (wt_v_q),
        .w_shadow_i (wt_commit_q),
        .w_idx_i    (wt_rd_q),
        .w_data_i   (wt_res),
        .x_we_i     (tx_we),
        .x_idx_i    (s_rd),
        .x_data_i   (tx_wdata),
        .fw_we_i    (fw_fire && f_txwr && rd[3:0] != 4'd0),
        .fw_idx_i   (rd[3:0]),
        .fw_data_i  (rs1v),
        .commit_i   ((tx_fire && t_commit) || (fw_fire && f_txcommit)),
        .rollback_i (tx_abort || (fw_fire && f_txrollback))
    );

    cms_sbuf #(.DEPTH(SB_DEPTH), .AW(DAW), .CW(SBCW)) u_sbuf (
        .clk_i        (clk_i),
        .rst_ni       (rst_ni),
        .enq_i        (tx_fire && s_store[0]),
        .enq_addr_i   (t_phys[DAW+1:2]),
        .enq_data_i   (tr_rdata[32 +: 32]),
        .look_i       (mode_q == M_TX && s_load[0]),
        .look_addr_i  (t_phys[DAW+1:2]),
        .look_hit_o   (sb_look_hit),
        .look_data_o  (sb_look_data),
        .commit_i     ((tx_fire && t_commit) || (fw_fire && f_txcommit)),
        .rollback_i   (tx_abort || (fw_fire && f_txrollback)),
        .drain_i      (1'b0),
        .drain_o      (sb_drain),
        .drain_addr_o (sb_drain_addr),
        .drain_data_o (sb_drain_data),
        .last_o       (nu_sblast),
        .count_o      (sb_count),
        .full_o       (sb_full)
    );

    // ---------------------------------------------------------------- data port
    assign f_off = f_addr[1:0];
    always @* begin
        d_en_o = 1'b0; d_we_o = 4'd0; d_addr_o = f_addr; d_wdata_o = rs2v;
        if (sb_drain) begin
            d_en_o = 1'b1; d_we_o = 4'hf;
            d_addr_o = `CMS_DMEM_BASE + {{(30-DAW){1'b0}}, sb_drain_addr, 2'b00};
            d_wdata_o = sb_drain_data;
        end else if (mode_q == M_TX) begin
            d_en_o = tx_x && s_load[0];
            d_addr_o = t_phys;
        end else begin
            d_en_o = fw_x && (f_load || (fw_fire && f_store));
            d_we_o = fw_fire && f_store ? st_be : 4'd0;
            d_wdata_o = st_wdata;
        end
    end

    // ---------------------------------------------------------------- next state
    always @* begin
        mode_d = mode_q; xv_d = 1'b1; pc_d = pc_q; tpc_d = tpc_q;
        ret_pc_d = ret_pc_q; ret_rd_d = ret_rd_q;
        wf_v_d = 1'b0; wf_rd_d = rd; wf_kind_d = K_VAL; wf_val_d = f_val;
        wt_v_d = 1'b0; wt_rd_d = s_rd[3:0]; wt_mul_d = s_mul[0]; wt_commit_d = t_commit;
        wt_hit_d = sb_look_hit; wt_fwd_d = sb_look_data;
        w_ldf3_d = funct3; w_ldoff_d = f_off; w_mop_d = funct3[1:0]; w_ma_d = rs1v; w_mb_d = rs2v;

        if (!xv_q) begin
            pc_d = pc_q;
        end else if (fw_irq || fw_exc) begin
            pc_d = mtvec_q;
        end else if (fw_fire) begin
            pc_d = f_jump ? f_target : fw_link;
            wf_v_d = f_wb;
            if (f_load) wf_kind_d = K_LOAD;
            if (f_mul)  wf_kind_d = K_MUL;
            if (f_div)  wf_val_d = div_y;
            if (f_txprotrd) begin wf_v_d = 1'b1; wf_val_d = {31'd0, prot_rd}; end
            if (f_mret) pc_d = mepc_q;
            if (f_txenter) begin
                mode_d = M_TX; tpc_d = rs1v; ret_pc_d = fw_link; ret_rd_d = rd;
            end
        end else if (tx_abort) begin
            mode_d = M_FW;
            wf_v_d = 1'b1; wf_rd_d = ret_rd_q; wf_kind_d = K_VAL;
            wf_val_d = `CMS_TX_ABORT_BIT | {24'd0, t_cause};
            pc_d = t_trap ? mtvec_q : ret_pc_q;
        end else if (tx_fire) begin
            tpc_d = t_taken ? t_target : tpc_q + BB;
            // a higher slot writing the same TR in this bundle wins over the late result
            wt_v_d = (s_load[0] || s_mul[0]) && s_rd[3:0] != 4'd0 && !t_late_lost;
            w_ldf3_d = 3'd2; w_ldoff_d = 2'd0; w_mop_d = s0_mdop;
            w_ma_d = tr_rdata[31:0]; w_mb_d = tr_rdata[32 +: 32];
            if (s_exit[LS]) begin
                mode_d = M_FW; pc_d = ret_pc_q;
                wf_v_d = 1'b1; wf_rd_d = ret_rd_q; wf_kind_d = K_VAL; wf_val_d = {21'd0, sl_code};
            end
        end
    end

    // fetch: the memories read at the next-state address
    wire [31:0] pc_off  = pc_d - `CMS_IMEM_BASE;
    wire [31:0] tpc_off = tpc_d - `CMS_TC_BASE;
    assign i_addr_o = pc_off[IAW+1:2];
    assign t_row_o  = tpc_off[TRW+BSH-1:BSH];
    wire pcbad_d  = pc_off >= `CMS_IMEM_BYTES;
    wire tpcbad_d = tpc_off >= `CMS_TC_BYTES || tpc_off[BSH-1:0] != {BSH{1'b0}};

    // ---------------------------------------------------------------- counters
    wire [SLOTS-1:0] cnt_a = s_alu & ~s_nop;
    reg  [31:0] n_a, n_b;
    integer c;
    always @* begin
        n_a = 32'd0;
        c = 0;   // (see h above)
        if (tx_fire) for (c = 0; c < SLOTS; c = c + 1) n_a = n_a + {31'd0, cnt_a[c]};
        n_b = {31'd0, s_branch[LS] | s_jump[LS] | s_exit[LS] | s_commit[LS] | s_assert[LS]};
    end
    wire [7:0] rb_i = t_cause - `CMS_CAUSE_TX_FIRST;   // 0..6 for causes 24..30

    // ---------------------------------------------------------------- CSRs, traps, aborts
    cms_csr #(.SLOTS(SLOTS), .SB_DEPTH(SB_DEPTH), .SBCW(SBCW), .GATE(1), .CNT_RAM(0),
              .DMEM_BYTES(DMEM_BYTES)) u_csr (
        .clk_i       (clk_i),
        .rst_ni      (rst_ni),
        .irq_i       (irq_i),
        .re_i        (f_sys),
        .a_i         (csr_a),
        .rv_o        (csr_rv),
        .ok_o        (csr_ok),
        .ro_o        (csr_ro),
        .we_i        (fw_fire && f_csr && csr_wr),
        .wv_i        (csr_wv),
        .retire_i    (fw_fire),
        .mret_i      (fw_fire && f_mret),
        .trap_i      (fw_irq || fw_exc),
        .trap_irq_i  (fw_irq),
        .cause_i     (f_cause),
        .tval_i      (f_tval),
        .epc_i       (pc_q),
        .abort_i     (tx_abort),
        .ab_ill_i    (t_ill),
        .ab_bnd_i    (t_bounds),
        .ab_prot_i   (t_prot),
        .ab_full_i   (t_sbfull),
        .ab_divz_i   (t_divzero),
        .ab_asrt_i   (t_assertf),
        .tpc_i       (tpc_q),
        .ret_pc_i    (ret_pc_q),
        .ab_cause_o  (t_cause),
        .ab_trap_o   (t_trap),
        // a store-buffer drain belongs to the translation that committed it
        .cyc_tx_i    (!(mode_q == M_FW && !sb_drain)),
        .sb_count_i  (sb_count),
        .cnt_i       ({c_sbstores_q, c_rb_q[6], c_rb_q[5], c_rb_q[4], c_rb_q[3], c_rb_q[2], c_rb_q[1],
                       c_rb_q[0], c_commits_q, c_opsb_q, c_opsx_q, c_opsm_q, c_opsa_q, c_bundles_q}),
        .cnt_rdata_i (32'd0),
        .mie_o       (mie_q),
        .meie_o      (meie_q),
        .mtvec_o     (mtvec_q),
        .mepc_o      (mepc_q),
        .gwbase_o    (gwbase_q),
        .gwlimit_o   (gwlimit_q)
    );

    // ---------------------------------------------------------------- registers
    always @(posedge clk_i) begin
        if (!rst_ni) begin
            mode_q <= M_FW; xv_q <= 1'b0; pc_q <= `CMS_RESET_PC; pcbad_q <= 1'b0;
            tpc_q <= `CMS_TC_BASE; tpcbad_q <= 1'b0; ret_pc_q <= 32'd0; ret_rd_q <= 5'd0;
            wf_v_q <= 1'b0; wf_rd_q <= 5'd0; wf_kind_q <= K_VAL; wf_val_q <= 32'd0;
            wt_v_q <= 1'b0; wt_rd_q <= 4'd0; wt_mul_q <= 1'b0; wt_commit_q <= 1'b0;
            wt_hit_q <= 1'b0; wt_fwd_q <= 32'd0;
            w_ldf3_q <= 3'd0; w_ldoff_q <= 2'd0; w_mop_q <= 2'd0; w_ma_q <= 32'd0; w_mb_q <= 32'd0;
            c_bundles_q <= 32'd0; c_opsa_q <= 32'd0;
            c_opsm_q <= 32'd0; c_opsx_q <= 32'd0; c_opsb_q <= 32'd0; c_commits_q <= 32'd0;
            c_sbstores_q <= 32'd0;
            for (k = 0; k < 7; k = k + 1) c_rb_q[k] <= 32'd0;
        end else begin
            mode_q <= mode_d; xv_q <= xv_d; pc_q <= pc_d; pcbad_q <= pcbad_d;
            tpc_q <= tpc_d; tpcbad_q <= tpcbad_d; ret_pc_q <= ret_pc_d; ret_rd_q <= ret_rd_d;
            wf_v_q <= wf_v_d; wf_rd_q <= wf_rd_d; wf_kind_q <= wf_kind_d; wf_val_q <= wf_val_d;
            wt_v_q <= wt_v_d; wt_rd_q <= wt_rd_d; wt_mul_q <= wt_mul_d; wt_commit_q <= wt_commit_d;
            wt_hit_q <= wt_hit_d; wt_fwd_q <= wt_fwd_d;
            w_ldf3_q <= w_ldf3_d; w_ldoff_q <= w_ldoff_d; w_mop_q <= w_mop_d; w_ma_q <= w_ma_d; w_mb_q <= w_mb_d;
            if (tx_fire) begin
                c_bundles_q <= c_bundles_q + 32'd1;
                c_opsa_q <= c_opsa_q + n_a;
                c_opsm_q <= c_opsm_q + {31'd0, t_mem};
                c_opsx_q <= c_opsx_q + {31'd0, s_mul[0] | s_div[0]};
                c_opsb_q <= c_opsb_q + n_b;
            end
            if ((tx_fire && t_commit) || (fw_fire && f_txcommit)) c_commits_q <= c_commits_q + 32'd1;
            if (tx_abort && rb_i < 8'd7) c_rb_q[rb_i[2:0]] <= c_rb_q[rb_i[2:0]] + 32'd1;
            if (tx_fire && s_store[0]) c_sbstores_q <= c_sbstores_q + 32'd1;
        end
    end

    // what this core takes from cms_fw_dec's exception and cause (f_dexc, f_cause) or builds
    // its own way (the adders of the data path, pc + 4 aside)
    wire unused = &{1'b0, nu_sblast, f_ill, f_gwoff[31:PAW+2], f_gwoff[1:0], nu_add, nu_pcrel, nu_ecall, nu_ebreak,
                    nu_ldf, nu_stf, nu_protoob, nu_jmisal};
endmodule
