`default_nettype none
`include "cms_defs.vh"
// cms_core_mc -- the multi-cycle implementation of the native ISA (docs/isa.md), planned for
// the iCE40 UP5K (docs/fpga.md, "What would fit"; docs/mc.md). Same ports and parameters as
// cms_core, so cms_chip takes either (this one when CMS_CORE_MC is defined).
//
// STATUS: firmware mode only. Every firmware-mode instruction, CSR, trap and counter behaves
// as docs/isa.md section 4 says, with the timing of docs/mc.md; tx.wr, tx.rd, tx.prot,
// tx.protrd, tx.commit and tx.rollback work on the TRs and protection bits. Translation mode
// does not exist yet: tx.enter traps as an illegal instruction, and the translation counters
// read 0.
//
// One instruction at a time, in states:
//   S_F  after reset: IMEM is reading the first instruction
//   S_D  the instruction is on i_rdata_i; its registers are read (cms_rfb, block RAM); an
//        interrupt or a fetch outside IMEM traps here
//   S_E  execute with the operands: ALU, branch, CSR, address and checks; most instructions
//        write their result and finish here, the others go on to
//   S_L  load data from the data port      S_M  multiply (cms_mul on registered operands)
//   S_V  divide (cms_div, 32 steps)        S_P  protection bit read (block RAM) for a store
//        into the guest window or tx.protrd; every check is decided there, with the bit
// The next instruction's address goes to IMEM as the current one finishes, so the next
// instruction is in S_D the cycle after: 2 cycles per instruction, 3 for loads, stores into
// the window and multiplies, 35 for divides.
module cms_core_mc #(
    parameter SLOTS    = 2,
    parameter SB_DEPTH = 8
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
    localparam BB      = SLOTS * 4;
    localparam TRW     = $clog2(`CMS_TC_BYTES / BB);
    localparam NSH     = `CMS_TR_SHADOWED;
    localparam NPROT   = `CMS_PROT_WORDS;
    localparam PAW     = $clog2(NPROT);
    localparam [31:0] PROT_BYTES = NPROT * 4;
    localparam [31:0] IRQ_CAUSE  = (32'd1 << `CMS_MCAUSE_INT_BIT) | {24'd0, `CMS_CAUSE_IRQ_EXT};
    localparam [2:0] S_F = 3'd0, S_D = 3'd1, S_E = 3'd2, S_L = 3'd3, S_M = 3'd4, S_V = 3'd5,
                     S_P = 3'd6;

    `include "cms_fn.vh"

    // ---------------------------------------------------------------- state
    reg [2:0]   st_q, st_d;
    reg [31:0]  pc_q, pc_d;
    reg         pcbad_q;
    reg         mie_q, mie_d, mpie_q, mpie_d, meie_q, meie_d;
    reg [31:0]  mtvec_q, mtvec_d, mscratch_q, mscratch_d, mepc_q, mepc_d;
    reg [31:0]  mcause_q, mcause_d, mtval_q, mtval_d;
    reg [63:0]  mcycle_q, mcycle_d, minstret_q, minstret_d;
    reg [31:0]  gwbase_q, gwbase_d, gwlimit_q, gwlimit_d, txstat_q, txstat_d;
    reg [31:0]  c_fwcyc_q, c_commits_q;
    reg [1:0]   mop_q;
    reg [31:0]  ma_q, mb_q;

    // ---------------------------------------------------------------- the instruction
    wire [31:0] insn = i_rdata_i;   // holds while the instruction runs (IMEM reads pc_q again)
    `include "cms_fw_fields.vh"

    // ---------------------------------------------------------------- registers (block RAM)
    // port 0 reads x[rs1] (or, for tx.rd, TR[rs1]), port 1 x[rs2]; in S_D, valid from S_E on
    wire        is_txrd = opc == `CMS_OPC_CUSTOM0 && funct3 == `CMS_FW_TX_RD;
    wire [63:0] rf_rdata;
    reg         rf_we, rf_wtr, rf_wboth, rf_commit, rf_rollback;
    reg  [4:0]  rf_widx;
    reg  [31:0] rf_wdata;
    cms_rfb #(.NSH(NSH), .NRP(2)) u_rf (
        .clk_i      (clk_i),
        .re_i       ({2{st_q == S_D}}),
        .rtr_i      ({1'b0, is_txrd}),
        .ridx_i     ({rs2, rs1}),
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

    // ---------------------------------------------------------------- decode (shared with cms_core)
    // what cms_fw_dec.vh reads that this core does not have yet: no translation mode, so the
    // translation counters and TXPC stay 0 and tx.enter is illegal
    localparam M_FW = 1'b0;
    localparam HAS_TX = 1'b0;
    localparam FW_GATE = 1'b0;   // no forcing to 0 in cms_fw_dec.vh: fewer LUTs
    wire        mode_q = M_FW;
    wire [31:0] tr_fw_rdata = rs1v;   // port 0 reads TR[rs1] for tx.rd
    wire [31:0] txpc_q = 32'd0;
    wire [31:0] c_txcyc_q = 32'd0, c_bundles_q = 32'd0, c_opsa_q = 32'd0, c_opsm_q = 32'd0;
    wire [31:0] c_opsx_q = 32'd0, c_opsb_q = 32'd0, c_sbhwm_q = 32'd0, c_sbstores_q = 32'd0;
    reg  [31:0] c_rb_q [0:6];
    integer     r;
    initial for (r = 0; r < 7; r = r + 1) c_rb_q[r] = 32'd0;
    `include "cms_fw_dec.vh"

    // ---------------------------------------------------------------- protection bits
    // block RAM, read every cycle at prot_idx (stable from S_E on); prot_bit_q is the bit in S_P
    reg              prot_m [0:NPROT-1];
    reg              prot_bit_q;
    integer          k;
    initial for (k = 0; k < NPROT; k = k + 1) prot_m[k] = 1'b0;
    wire [PAW-1:0]   prot_idx = (f_txprot || f_txprotrd) ? rs1v[PAW+1:2] : f_gwoff[PAW+1:2];
    reg              prot_we;
    always @(posedge clk_i) begin
        if (prot_we) prot_m[prot_idx] <= rs2v[0];
        prot_bit_q <= prot_m[prot_idx];
    end
    wire f_prot    = st_q == S_P && f_store && !f_misal && f_in_gw && prot_bit_q;
    // a store into the guest window and tx.protrd wait in S_P for the bit
    wire need_prot = f_txprotrd || (f_store && !f_misal && f_in_gw);

    // ---------------------------------------------------------------- traps
    wire irq_take = irq_i && meie_q && mie_q;
    wire f_exc = pcbad_q || f_ill || f_ecall || f_ebreak || f_jmisal || ((f_load || f_store) && f_misal) ||
                 f_ld_fault || f_st_fault || f_prot || f_protoob;
    wire fw_irq = 1'b0;     // interrupts are taken in S_D, before the instruction is decoded
    wire fw_exc = f_exc;
    `include "cms_fw_exc.vh"

    // ---------------------------------------------------------------- multiply, divide
    wire [31:0] mul_y;
    cms_mul u_mul (.en_i(st_q == S_M), .op_i(mop_q), .a_i(ma_q), .b_i(mb_q), .y_o(mul_y));
    wire        div_idle, div_done;
    wire [31:0] div_y;
    cms_div u_div (
        .clk_i   (clk_i),
        .rst_ni  (rst_ni),
        .start_i (st_q == S_E && f_div && !f_exc && div_idle),
        .ack_i   (st_q == S_V && div_done),
        .kill_i  (1'b0),
        .op_i    (funct3[1:0]),
        .a_i     (rs1v),
        .b_i     (rs2v),
        .idle_o  (div_idle),
        .done_o  (div_done),
        .y_o     (div_y)
    );

    // ---------------------------------------------------------------- loads
    reg  [1:0]  ldoff_q;
    wire [7:0]  ld_b = d_rdata_i[{ldoff_q, 3'b000} +: 8];
    wire [15:0] ld_h = ldoff_q[1] ? d_rdata_i[31:16] : d_rdata_i[15:0];
    reg  [31:0] ld_val;
    always @* begin
        case (funct3)
            3'd0: ld_val = {{24{ld_b[7]}}, ld_b};
            3'd1: ld_val = {{16{ld_h[15]}}, ld_h};
            3'd4: ld_val = {24'd0, ld_b};
            3'd5: ld_val = {16'd0, ld_h};
            default: ld_val = d_rdata_i;
        endcase
    end

    // ---------------------------------------------------------------- next state
    // done: the instruction retires this cycle with result wval (written if f_wb)
    reg        trap, done;
    reg [31:0] wval;
    always @* begin
        st_d = st_q; pc_d = pc_q;
        mie_d = mie_q; mpie_d = mpie_q; meie_d = meie_q; mtvec_d = mtvec_q; mscratch_d = mscratch_q;
        mepc_d = mepc_q; mcause_d = mcause_q; mtval_d = mtval_q;
        mcycle_d = mcycle_q + 64'd1; minstret_d = minstret_q;
        gwbase_d = gwbase_q; gwlimit_d = gwlimit_q; txstat_d = txstat_q;
        trap = 1'b0; done = 1'b0; wval = f_val;
        d_en_o = 1'b0; d_we_o = 4'd0; d_addr_o = f_addr; d_wdata_o = rs2v;
        prot_we = 1'b0;

        case (st_q)
            S_F: st_d = S_D;
            S_D: begin
                if (irq_take) begin
                    trap = 1'b1;
                    mcause_d = IRQ_CAUSE; mtval_d = 32'd0;
                end else if (pcbad_q) begin
                    trap = 1'b1;
                    mcause_d = {24'd0, `CMS_CAUSE_INSN_ACCESS}; mtval_d = pc_q;
                end else begin
                    st_d = S_E;
                end
            end
            S_E: begin
                if (need_prot && !f_ill)  st_d = S_P;   // every check is decided in S_P
                else if (f_exc) begin
                    trap = 1'b1; mcause_d = fw_cause; mtval_d = fw_tval;
                end else if (f_load) begin
                    d_en_o = 1'b1;
                    st_d = S_L;
                end else if (f_mul)       st_d = S_M;
                else if (f_div)           st_d = S_V;
                else                      done = 1'b1;
            end
            S_L: begin done = 1'b1; wval = ld_val; end
            S_M: begin done = 1'b1; wval = mul_y; end
            S_V: if (div_done) begin done = 1'b1; wval = div_y; end
            S_P: begin
                if (f_exc) begin
                    trap = 1'b1; mcause_d = fw_cause; mtval_d = fw_tval;
                end else begin
                    done = 1'b1; wval = {31'd0, prot_bit_q};
                end
            end
            default: st_d = S_F;
        endcase

        if (trap) begin
            mepc_d = pc_q; mpie_d = mie_q; mie_d = 1'b0;
            pc_d = mtvec_q;
            st_d = S_D;
        end
        if (done) begin
            minstret_d = minstret_q + 64'd1;
            pc_d = f_jump ? f_target : pc_q + 32'd4;
            st_d = S_D;
            if (f_store) begin
                d_en_o = 1'b1;
                case (funct3[1:0])
                    2'd0: begin d_we_o = 4'b0001 << f_addr[1:0]; d_wdata_o = {4{rs2v[7:0]}}; end
                    2'd1: begin d_we_o = f_addr[1] ? 4'b1100 : 4'b0011; d_wdata_o = {2{rs2v[15:0]}}; end
                    default: d_we_o = 4'b1111;
                endcase
            end
            if (f_txprot) prot_we = 1'b1;
            if (f_mret) begin
                pc_d = mepc_q; mie_d = mpie_q; mpie_d = 1'b1;
            end
            if (f_csr && csr_wr) begin
                `include "cms_fw_csrwr.vh"
            end
        end

        // the register write: a result, or tx.wr (working and shadow)
        rf_we = done && (f_wb || f_txwr || f_txprotrd);
        rf_wtr = f_txwr;
        rf_widx = rd;
        rf_wboth = f_txwr;
        rf_wdata = f_txwr ? rs1v : wval;
        rf_commit = done && f_txcommit;
        rf_rollback = done && f_txrollback;
    end

    // ---------------------------------------------------------------- fetch
    wire [31:0] pc_off = pc_d - `CMS_IMEM_BASE;
    assign i_addr_o = pc_off[IAW+1:2];
    assign t_row_o  = {TRW{1'b0}};
    wire pcbad_d = pc_off >= `CMS_IMEM_BYTES;

    // ---------------------------------------------------------------- registers
    always @(posedge clk_i) begin
        if (!rst_ni) begin
            st_q <= S_F; pc_q <= `CMS_RESET_PC; pcbad_q <= 1'b0;
            mie_q <= 1'b0; mpie_q <= 1'b0; meie_q <= 1'b0; mtvec_q <= 32'd0; mscratch_q <= 32'd0;
            mepc_q <= 32'd0; mcause_q <= 32'd0; mtval_q <= 32'd0; mcycle_q <= 64'd0; minstret_q <= 64'd0;
            gwbase_q <= 32'd0; gwlimit_q <= 32'd0; txstat_q <= 32'd0;
            c_fwcyc_q <= 32'd0; c_commits_q <= 32'd0;
            mop_q <= 2'd0; ma_q <= 32'd0; mb_q <= 32'd0; ldoff_q <= 2'd0;
        end else begin
            st_q <= st_d; pc_q <= pc_d; pcbad_q <= pcbad_d;
            mie_q <= mie_d; mpie_q <= mpie_d; meie_q <= meie_d; mtvec_q <= mtvec_d; mscratch_q <= mscratch_d;
            mepc_q <= mepc_d; mcause_q <= mcause_d; mtval_q <= mtval_d;
            mcycle_q <= mcycle_d; minstret_q <= minstret_d;
            gwbase_q <= gwbase_d; gwlimit_q <= gwlimit_d; txstat_q <= txstat_d;
            c_fwcyc_q <= c_fwcyc_q + 32'd1;
            if (rf_commit) c_commits_q <= c_commits_q + 32'd1;
            if (st_q == S_E) begin
                mop_q <= funct3[1:0]; ma_q <= rs1v; mb_q <= rs2v; ldoff_q <= f_addr[1:0];
            end
        end
    end

    wire unused = &{1'b0, t_rdata_i, f_txenter, div_idle};   // tx.enter: see STATUS above
endmodule
