`default_nettype none
`include "cms_defs.vh"
// cms_csr -- the control and status registers of docs/isa.md sections 4 and 8, shared by
// cms_core and cms_core_mc: the registers with their reset and update, the read multiplexer,
// trap entry and mret, and a translation's abort: the cause in docs/isa.md's priority order
// (section 10), TXSTAT and TXPC, and the trap it takes.
//
// The translation counters: CNT_FWCYC, CNT_TXCYC and CNT_SBHWM are here; the others are the
// core's, read through cnt_i (CNT_RAM=0: each in its own word, cms_core's flip-flops) or
// cnt_rdata_i (CNT_RAM=1: the counter the core's RAM read for this instruction, cms_cnt_mc).
//
// In one cycle at most one of trap_i, abort_i and a retiring instruction (retire_i, with
// mret_i or we_i). GATE=1: the read multiplexer gives 0 unless re_i (cms_core: its Verilator
// model then skips it); GATE=0: re_i is not looked at (fewer LUTs).
module cms_csr #(
    parameter SLOTS    = 2,
    parameter SB_DEPTH = 8,
    parameter SBCW     = 4,     // sb_count_i's width
    parameter GATE     = 0,
    parameter CNT_RAM  = 0,
    parameter DMEM_BYTES = `CMS_DMEM_BYTES_SIM   // CSR_CFG_DMEMBYTES (the chip's DMEM size)
) (
    input  wire              clk_i,
    input  wire              rst_ni,
    input  wire              irq_i,          // the external interrupt line (mip.MEIP)
    // read, and the instruction's write
    input  wire              re_i,
    input  wire [11:0]       a_i,
    output reg  [31:0]       rv_o,
    output reg               ok_o,           // a CSR that exists
    output reg               ro_o,           // read-only
    input  wire              we_i,           // a CSR instruction that writes retires
    input  wire [31:0]       wv_i,
    // firmware: an instruction retires, mret, a trap
    input  wire              retire_i,
    input  wire              mret_i,
    input  wire              trap_i,
    input  wire              trap_irq_i,     // the trap is the interrupt (else cause_i, tval_i)
    input  wire [31:0]       cause_i,
    input  wire [31:0]       tval_i,
    input  wire [31:0]       epc_i,
    // translation: an abort and its faults
    input  wire              abort_i,
    input  wire              ab_ill_i,
    input  wire              ab_bnd_i,
    input  wire              ab_prot_i,
    input  wire              ab_full_i,
    input  wire              ab_divz_i,
    input  wire              ab_asrt_i,      // none of these: the interrupt
    input  wire [31:0]       tpc_i,          // the bundle's address (TXPC, mtval)
    input  wire [31:0]       ret_pc_i,       // the instruction after tx.enter (mepc)
    output reg  [7:0]        ab_cause_o,
    output wire              ab_trap_o,      // the abort traps (to mtvec_o), else resumes at ret_pc_i
    // counters
    input  wire              cyc_tx_i,       // this cycle counts as translation (CNT_TXCYC)
    input  wire [SBCW-1:0]   sb_count_i,
    input  wire [14*32-1:0]  cnt_i,          // CNT_BUNDLES .. CNT_RB_BASE+6, CNT_SBSTORES (CNT_RAM=0)
    input  wire [31:0]       cnt_rdata_i,    // (CNT_RAM=1)
    // what the core uses
    output reg               mie_o,
    output reg               meie_o,
    output reg  [31:0]       mtvec_o,
    output reg  [31:0]       mepc_o,
    output reg  [31:0]       gwbase_o,
    output reg  [31:0]       gwlimit_o
);
    localparam [31:0] IRQ_CAUSE = (32'd1 << `CMS_MCAUSE_INT_BIT) | {24'd0, `CMS_CAUSE_IRQ_EXT};

    reg              mpie_q;
    reg [31:0]       mscratch_q, mcause_q, mtval_q, txstat_q, txpc_q;
    reg [63:0]       mcycle_q, minstret_q;
    reg [31:0]       c_fwcyc_q, c_txcyc_q;
    reg [SBCW-1:0]   c_sbhwm_q;

    // a counter the core keeps: word i of cnt_i, or the RAM's read
    function [31:0] cnt;
        input integer i;
        begin
            if (CNT_RAM != 0) cnt = cnt_rdata_i;
            else              cnt = cnt_i[i*32 +: 32];
        end
    endfunction

    // ---------------------------------------------------------------- read
    always @* begin
        ok_o = 1'b1;
        ro_o = a_i[11:10] == 2'b11;
        rv_o = 32'd0;
        if (GATE == 0 || re_i) case (a_i)
            `CMS_CSR_MSTATUS:    rv_o = (32'd3 << 11) |   // MPP = M (the only mode)
                                        ({31'd0, mpie_q} << `CMS_MSTATUS_MPIE_BIT) |
                                        ({31'd0, mie_o} << `CMS_MSTATUS_MIE_BIT);
            `CMS_CSR_MISA:       rv_o = 32'h4000_1100;
            `CMS_CSR_MIE:        rv_o = {31'd0, meie_o} << `CMS_MIE_MEIE_BIT;
            `CMS_CSR_MTVEC:      rv_o = mtvec_o;
            `CMS_CSR_MSCRATCH:   rv_o = mscratch_q;
            `CMS_CSR_MEPC:       rv_o = mepc_o;
            `CMS_CSR_MCAUSE:     rv_o = mcause_q;
            `CMS_CSR_MTVAL:      rv_o = mtval_q;
            `CMS_CSR_MIP:        rv_o = {31'd0, irq_i} << `CMS_MIE_MEIE_BIT;
            `CMS_CSR_MCYCLE, `CMS_CSR_CYCLE:       rv_o = mcycle_q[31:0];
            `CMS_CSR_MCYCLEH, `CMS_CSR_CYCLEH:     rv_o = mcycle_q[63:32];
            `CMS_CSR_MINSTRET, `CMS_CSR_INSTRET:   rv_o = minstret_q[31:0];
            `CMS_CSR_MINSTRETH, `CMS_CSR_INSTRETH: rv_o = minstret_q[63:32];
            `CMS_CSR_MHARTID, `CMS_CSR_MVENDORID, `CMS_CSR_MARCHID, `CMS_CSR_MIMPID,
            `CMS_CSR_MSTATUSH:   rv_o = 32'd0;
            `CMS_CSR_GWBASE:     rv_o = gwbase_o;
            `CMS_CSR_GWLIMIT:    rv_o = gwlimit_o;
            `CMS_CSR_TXSTAT:     rv_o = txstat_q;
            `CMS_CSR_TXPC:       begin rv_o = txpc_q; ro_o = 1'b1; end
            `CMS_CSR_CNT_FWCYC:    rv_o = c_fwcyc_q;
            `CMS_CSR_CNT_TXCYC:    rv_o = c_txcyc_q;
            `CMS_CSR_CNT_BUNDLES:  rv_o = cnt(0);
            `CMS_CSR_CNT_OPS_A:    rv_o = cnt(1);
            `CMS_CSR_CNT_OPS_M:    rv_o = cnt(2);
            `CMS_CSR_CNT_OPS_X:    rv_o = cnt(3);
            `CMS_CSR_CNT_OPS_B:    rv_o = cnt(4);
            `CMS_CSR_CNT_COMMITS:  rv_o = cnt(5);
            `CMS_CSR_CNT_RB_BASE + 12'd0: rv_o = cnt(6);
            `CMS_CSR_CNT_RB_BASE + 12'd1: rv_o = cnt(7);
            `CMS_CSR_CNT_RB_BASE + 12'd2: rv_o = cnt(8);
            `CMS_CSR_CNT_RB_BASE + 12'd3: rv_o = cnt(9);
            `CMS_CSR_CNT_RB_BASE + 12'd4: rv_o = cnt(10);
            `CMS_CSR_CNT_RB_BASE + 12'd5: rv_o = cnt(11);
            `CMS_CSR_CNT_RB_BASE + 12'd6: rv_o = cnt(12);
            `CMS_CSR_CNT_RB_BASE + 12'd7: rv_o = 32'd0;
            `CMS_CSR_CNT_SBHWM:    rv_o = {{(32-SBCW){1'b0}}, c_sbhwm_q};
            `CMS_CSR_CNT_SBSTORES: rv_o = cnt(13);
            `CMS_CSR_CFG_SLOTS:    rv_o = SLOTS;
            `CMS_CSR_CFG_SBDEPTH:  rv_o = SB_DEPTH;
            `CMS_CSR_CFG_TCBYTES:  rv_o = `CMS_TC_BYTES;
            `CMS_CSR_CFG_DMEMBYTES: rv_o = DMEM_BYTES;
            default: begin rv_o = 32'd0; ok_o = 1'b0; end
        endcase
    end

    // ---------------------------------------------------------------- the abort's cause
    always @* begin
        if (ab_ill_i)       ab_cause_o = `CMS_CAUSE_TX_ILLEGAL;
        else if (ab_bnd_i)  ab_cause_o = `CMS_CAUSE_TX_BOUNDS;
        else if (ab_prot_i) ab_cause_o = `CMS_CAUSE_TX_PROT;
        else if (ab_full_i) ab_cause_o = `CMS_CAUSE_TX_SBFULL;
        else if (ab_divz_i) ab_cause_o = `CMS_CAUSE_TX_DIVZERO;
        else if (ab_asrt_i) ab_cause_o = `CMS_CAUSE_TX_ASSERT;
        else                ab_cause_o = `CMS_CAUSE_TX_IRQ;
    end
    wire ab_irq = ab_cause_o == `CMS_CAUSE_TX_IRQ;
    assign ab_trap_o = !ab_irq || mie_o;

    // ---------------------------------------------------------------- update
    reg              mie_d, mpie_d, meie_d;
    reg [31:0]       mtvec_d, mscratch_d, mepc_d, mcause_d, mtval_d;
    reg [63:0]       mcycle_d, minstret_d;
    reg [31:0]       gwbase_d, gwlimit_d, txstat_d, txpc_d;
    always @* begin
        mie_d = mie_o; mpie_d = mpie_q; meie_d = meie_o; mtvec_d = mtvec_o; mscratch_d = mscratch_q;
        mepc_d = mepc_o; mcause_d = mcause_q; mtval_d = mtval_q;
        mcycle_d = mcycle_q + 64'd1; minstret_d = minstret_q;
        gwbase_d = gwbase_o; gwlimit_d = gwlimit_o; txstat_d = txstat_q; txpc_d = txpc_q;
        if (trap_i) begin
            mepc_d = epc_i;
            mcause_d = trap_irq_i ? IRQ_CAUSE : cause_i;
            mtval_d = trap_irq_i ? 32'd0 : tval_i;
            mpie_d = mie_o; mie_d = 1'b0;
        end
        if (retire_i) minstret_d = minstret_q + 64'd1;
        if (mret_i) begin
            mie_d = mpie_q; mpie_d = 1'b1;
        end
        if (we_i) case (a_i)
            `CMS_CSR_MSTATUS:   begin
                mie_d = wv_i[`CMS_MSTATUS_MIE_BIT];
                mpie_d = wv_i[`CMS_MSTATUS_MPIE_BIT];
            end
            `CMS_CSR_MIE:       meie_d = wv_i[`CMS_MIE_MEIE_BIT];
            `CMS_CSR_MTVEC:     mtvec_d = {wv_i[31:2], 2'b00};
            `CMS_CSR_MSCRATCH:  mscratch_d = wv_i;
            `CMS_CSR_MEPC:      mepc_d = {wv_i[31:2], 2'b00};
            `CMS_CSR_MCAUSE:    mcause_d = wv_i;
            `CMS_CSR_MTVAL:     mtval_d = wv_i;
            // a write replaces the increment of that cycle (no carry into the other half)
            `CMS_CSR_MCYCLE:    mcycle_d = {mcycle_q[63:32], wv_i};
            `CMS_CSR_MCYCLEH:   mcycle_d = {wv_i, mcycle_q[31:0]};
            `CMS_CSR_MINSTRET:  minstret_d = {minstret_q[63:32], wv_i};
            `CMS_CSR_MINSTRETH: minstret_d = {wv_i, minstret_q[31:0]};
            `CMS_CSR_GWBASE:    gwbase_d = {wv_i[31:2], 2'b00};
            `CMS_CSR_GWLIMIT:   gwlimit_d = wv_i;
            `CMS_CSR_TXSTAT:    txstat_d = wv_i;
            default: ;
        endcase
        if (abort_i) begin
            txstat_d = 32'h8000_0000 | {24'd0, ab_cause_o};
            txpc_d = tpc_i;
            if (ab_trap_o) begin
                mepc_d = ret_pc_i;
                mcause_d = ab_irq ? IRQ_CAUSE : {24'd0, ab_cause_o};
                mtval_d = ab_irq ? 32'd0 : tpc_i;
                mpie_d = mie_o; mie_d = 1'b0;
            end
        end
    end
    // the registers change only on these events (mcycle and minstret every cycle)
    wire event_w = trap_i || abort_i || mret_i || we_i;

    always @(posedge clk_i) begin
        if (!rst_ni) begin
            mie_o <= 1'b0; mpie_q <= 1'b0; meie_o <= 1'b0; mtvec_o <= 32'd0; mscratch_q <= 32'd0;
            mepc_o <= 32'd0; mcause_q <= 32'd0; mtval_q <= 32'd0; mcycle_q <= 64'd0; minstret_q <= 64'd0;
            gwbase_o <= 32'd0; gwlimit_o <= 32'd0; txstat_q <= 32'd0; txpc_q <= 32'd0;
            c_fwcyc_q <= 32'd0; c_txcyc_q <= 32'd0; c_sbhwm_q <= {SBCW{1'b0}};
        end else begin
            mcycle_q <= mcycle_d; minstret_q <= minstret_d;
            if (event_w) begin
                mie_o <= mie_d; mpie_q <= mpie_d; meie_o <= meie_d; mtvec_o <= mtvec_d; mscratch_q <= mscratch_d;
                mepc_o <= mepc_d; mcause_q <= mcause_d; mtval_q <= mtval_d;
                gwbase_o <= gwbase_d; gwlimit_o <= gwlimit_d; txstat_q <= txstat_d; txpc_q <= txpc_d;
            end
            if (cyc_tx_i) c_txcyc_q <= c_txcyc_q + 32'd1;
            else          c_fwcyc_q <= c_fwcyc_q + 32'd1;
            if (sb_count_i > c_sbhwm_q) c_sbhwm_q <= sb_count_i;
        end
    end
endmodule
