`default_nettype none
`include "cms_defs.vh"
// cms_core_mc -- the multi-cycle implementation of the native ISA (docs/isa.md) for the iCE40
// UP5K, the iCEBreaker's core (docs/mc.md; docs/fpga.md, "Why the pipelined core does not fit
// the UP5K, and what fits"). Same ports and parameters as
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
//   S_D  the instruction is on i_rdata_i (then in insn_q); its registers are read (cms_rfb); an
//        interrupt or a fetch outside IMEM traps here
//   S_E  execute with the operands: ALU, branch, CSR, address and checks; most instructions
//        write their result and finish here, the others go on to
//   S_L  load data from the data port      S_M  multiply (cms_mul, the 4 DSPs on the UP5K)
//   S_V  divide (cms_div_mc)               S_P  a store or tx.protrd: the protection bit
//        (block RAM) is there; every check is decided there, with the bit
// The next instruction's address goes to IMEM as the current one finishes, so the next
// instruction is in S_D the cycle after: 2 cycles per instruction, 3 for loads, stores and
// multiplies, 38 for divides.
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

    // ---------------------------------------------------------------- the instruction
    // IMEM's output in S_D (the register reads are addressed from it), then insn_q: the decode
    // starts from a flip-flop, not from the SPRAM's output at the far side of the die
    reg  [31:0] insn_q;
    wire [31:0] insn = insn_q;
    `include "cms_fw_fields.vh"

    // ---------------------------------------------------------------- registers (block RAM)
    // port 0 reads x[rs1] (or, for tx.rd, TR[rs1]), port 1 x[rs2]; in S_D, valid from S_E on
    wire        is_txrd = i_rdata_i[6:0] == `CMS_OPC_CUSTOM0 && i_rdata_i[14:12] == `CMS_FW_TX_RD;
    wire [63:0] rf_rdata;
    reg         rf_we, rf_wtr, rf_wboth, rf_commit, rf_rollback;
    reg  [4:0]  rf_widx;
    reg  [31:0] rf_wdata;
    cms_rfb #(.NSH(NSH), .NRP(2)) u_rf (
        .clk_i      (clk_i),
        .re_i       ({2{st_q == S_D}}),
        .rtr_i      ({1'b0, is_txrd}),
        .ridx_i     ({i_rdata_i[24:20], i_rdata_i[19:15]}),
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
    wire [31:0] fw_alu;
    wire        fw_take;
    `include "cms_fw_dec.vh"

    // ---------------------------------------------------------------- the arithmetic
    // Fewer units than cms_core's cms_alu and cms_bcmp: one subtraction gives SUB, SLT(U) and
    // the less-than branch conditions, a comparator equality; one right shifter does the left
    // shifts too, on the operand reversed; ADD is cms_fw_dec.vh's fw_add.
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
    reg take;
    always @* begin
        case (funct3)
            3'd0: take = eq;
            3'd1: take = !eq;
            3'd4: take = lt;
            3'd5: take = !lt;
            3'd6: take = ltu;
            3'd7: take = !ltu;
            default: take = 1'b0;
        endcase
    end
    assign fw_alu  = alu_y;
    assign fw_take = take;

    // ---------------------------------------------------------------- protection bits
    // block RAM, read every cycle at prot_idx (stable from S_E on); prot_bit_q is the bit in S_P
    (* no_rw_check *)   // what it reads in the cycle of a write (tx.prot) is never used
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
    // Every aligned store and tx.protrd finish in S_P, where the bit is there; whether a store is
    // in the window (an address, an offset and a compare: three carry chains) is registered at
    // the end of S_E (in_gw_q), so that it never feeds the next PC or a write enable.
    reg  in_gw_q;
    always @(posedge clk_i) if (st_q == S_E) in_gw_q <= f_in_gw;
    wire f_prot    = st_q == S_P && f_store && !f_misal && in_gw_q && prot_bit_q;
    wire need_prot = f_txprotrd || (f_store && !f_misal);

    // ---------------------------------------------------------------- traps
    wire irq_take = irq_i && meie_q && mie_q;
    wire f_exc = pcbad_q || f_ill || f_ecall || f_ebreak || f_jmisal || ((f_load || f_store) && f_misal) ||
                 f_ld_fault || f_st_fault || f_prot || f_protoob;
    wire fw_irq = 1'b0;     // interrupts are taken in S_D, before the instruction is decoded
    wire fw_exc = f_exc;
    `include "cms_fw_exc.vh"

    // ---------------------------------------------------------------- multiply, divide
    wire [31:0] mul_y;
    // the instruction (insn_q) and its operands (cms_rfb, read once, in S_D) hold until it
    // finishes: the multiplier and the divider take them as they are, and a load's alignment
    // in S_L uses the address computed again
    cms_mul u_mul (.en_i(st_q == S_M), .op_i(funct3[1:0]), .a_i(rs1v), .b_i(rs2v), .y_o(mul_y));
    wire        div_idle, div_done;
    wire [31:0] div_y;
    cms_div_mc u_div (
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
    wire [1:0]  ldoff = f_addr[1:0];
    wire [7:0]  ld_b = d_rdata_i[{ldoff, 3'b000} +: 8];
    wire [15:0] ld_h = ldoff[1] ? d_rdata_i[31:16] : d_rdata_i[15:0];
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
        d_en_o = 1'b0; d_we_o = 4'd0; d_addr_o = f_addr;
        // the store data does not wait for the decision to store (d_we_o)
        case (funct3[1:0])
            2'd0:    d_wdata_o = {4{rs2v[7:0]}};
            2'd1:    d_wdata_o = {2{rs2v[15:0]}};
            default: d_wdata_o = rs2v;
        endcase
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
            pc_d = f_jump ? f_target : fw_link;
            st_d = S_D;
            if (f_store) begin
                d_en_o = 1'b1;
                case (funct3[1:0])
                    2'd0: d_we_o = 4'b0001 << f_addr[1:0];
                    2'd1: d_we_o = f_addr[1] ? 4'b1100 : 4'b0011;
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
    assign i_addr_o = pc_d[IAW+1:2];     // IMEM is aligned to its size (tools/gen_defs.py)
    assign t_row_o  = {TRW{1'b0}};
    wire pcbad_d = !cms_in_rgn(pc_d, `CMS_IMEM_BASE, `CMS_IMEM_BYTES);

    // ---------------------------------------------------------------- registers
    always @(posedge clk_i) begin
        if (st_q == S_D) insn_q <= i_rdata_i;
    end
    always @(posedge clk_i) begin
        if (!rst_ni) begin
            st_q <= S_F; pc_q <= `CMS_RESET_PC; pcbad_q <= 1'b0;
            mie_q <= 1'b0; mpie_q <= 1'b0; meie_q <= 1'b0; mtvec_q <= 32'd0; mscratch_q <= 32'd0;
            mepc_q <= 32'd0; mcause_q <= 32'd0; mtval_q <= 32'd0; mcycle_q <= 64'd0; minstret_q <= 64'd0;
            gwbase_q <= 32'd0; gwlimit_q <= 32'd0; txstat_q <= 32'd0;
            c_fwcyc_q <= 32'd0; c_commits_q <= 32'd0;
        end else begin
            st_q <= st_d; pc_q <= pc_d; pcbad_q <= pcbad_d;
            mie_q <= mie_d; mpie_q <= mpie_d; meie_q <= meie_d; mtvec_q <= mtvec_d; mscratch_q <= mscratch_d;
            mepc_q <= mepc_d; mcause_q <= mcause_d; mtval_q <= mtval_d;
            mcycle_q <= mcycle_d; minstret_q <= minstret_d;
            gwbase_q <= gwbase_d; gwlimit_q <= gwlimit_d; txstat_q <= txstat_d;
            c_fwcyc_q <= c_fwcyc_q + 32'd1;
            if (rf_commit) c_commits_q <= c_commits_q + 32'd1;
        end
    end

    wire unused = &{1'b0, t_rdata_i, f_txenter, div_idle, rs2};   // tx.enter: see STATUS above; rs2: read from IMEM in S_D
endmodule
