`default_nettype none
`include "cms_defs.vh"
// cms_cnt_mc -- the translation counters of the multi-cycle core (cms_core_mc, docs/mc.md) in one
// block RAM instead of flip-flops: CNT_BUNDLES, CNT_OPS_A/M/X/B, CNT_COMMITS, CNT_SBSTORES and
// the seven CNT_RB_BASE+i (docs/isa.md section 8). Word i of the RAM is CSR CNT_FWCYC + i, so a
// csrr reads it at the CSR number's low bits; the words of the counters kept elsewhere (FWCYC,
// TXCYC, SBHWM) and CNT_RB_BASE+7 are never written and read 0.
//
// A completed bundle adds its counts (add_i) to small pending amounts, one per counter; an abort
// marks one rollback counter (rb_i). Each cycle the engine takes one pending counter (the
// rollback first, then in the order of the CSRs), reads its word, and the cycle after writes it
// back with the amount added. It never takes the counter whose write is in that cycle, so a
// read never meets a write of the same word. full_o: a pending amount is 4 or more; the core
// then holds the next bundle before it completes, so that no amount overflows (3 + SLOTS <= 7).
// busy_o: something is pending or being written; the core's csrr of a counter waits for it.
// An abort comes at least two cycles after the last (the firmware runs tx.enter in between),
// and the rollback counter goes first, so one rollback mark is enough.
module cms_cnt_mc (
    input  wire        clk_i,
    input  wire        rst_ni,
    input  wire        add_i,       // a bundle completed: CNT_BUNDLES + 1 and the counts below
    input  wire [2:0]  ops_a_i,
    input  wire        ops_m_i,
    input  wire        ops_x_i,
    input  wire        ops_b_i,
    input  wire        st_i,        // a store entered the store buffer
    input  wire        commit_i,    // a commit (a bundle's, or tx.commit without add_i)
    input  wire        rb_i,        // an abort: CNT_RB_BASE + rb_idx_i
    input  wire [2:0]  rb_idx_i,
    output wire        full_o,
    output wire        busy_o,
    input  wire        re_i,        // csrr: read word raddr_i (only when not busy_o)
    input  wire [4:0]  raddr_i,
    output reg  [31:0] rdata_o
);
    localparam [11:0] F = `CMS_CSR_CNT_FWCYC;
    localparam NP = 7;              // pending: BUNDLES, OPS_A, OPS_M, OPS_X, OPS_B, SBSTORES, COMMITS
    localparam [11:0] C_BUNDLES = `CMS_CSR_CNT_BUNDLES - F, C_OPS_A = `CMS_CSR_CNT_OPS_A - F,
                      C_OPS_M = `CMS_CSR_CNT_OPS_M - F, C_OPS_X = `CMS_CSR_CNT_OPS_X - F,
                      C_OPS_B = `CMS_CSR_CNT_OPS_B - F, C_SBST = `CMS_CSR_CNT_SBSTORES - F,
                      C_RB = `CMS_CSR_CNT_RB_BASE - F, C_COMMITS = `CMS_CSR_CNT_COMMITS - F;
    localparam [NP*5-1:0] IDX = {C_COMMITS[4:0], C_SBST[4:0], C_OPS_B[4:0], C_OPS_X[4:0], C_OPS_M[4:0],
                                 C_OPS_A[4:0], C_BUNDLES[4:0]};

    reg [2:0] pend_q [0:NP-1];
    reg       rbp_q;
    reg [2:0] rbi_q;
    // the read taken last cycle, whose word is written this cycle (rsel_q: NP is the rollback)
    reg       rv_q;
    reg [2:0] rsel_q, ramt_q;
    reg [4:0] widx_q;

    wire [2:0] arr [0:NP-1];
    assign arr[0] = {2'b00, add_i};
    assign arr[1] = add_i ? ops_a_i : 3'd0;
    assign arr[2] = {2'b00, add_i & ops_m_i};
    assign arr[3] = {2'b00, add_i & ops_x_i};
    assign arr[4] = {2'b00, add_i & ops_b_i};
    assign arr[5] = {2'b00, add_i & st_i};
    assign arr[6] = {2'b00, commit_i};

    // the pick: the rollback mark first, then the first pending amount
    reg       pv;
    reg [2:0] pick, pamt;
    reg [4:0] pidx;
    reg       any;
    integer   i;
    always @* begin
        pv = 1'b0; pick = 3'd0; pamt = 3'd0; pidx = 5'd0; any = rbp_q;
        for (i = 0; i < NP; i = i + 1) if (pend_q[i] != 3'd0) any = 1'b1;
        if (rbp_q && !(rv_q && rsel_q == NP[2:0])) begin
            pv = 1'b1; pick = NP[2:0]; pamt = 3'd1; pidx = C_RB[4:0] + {2'b00, rbi_q};
        end else begin
            for (i = NP - 1; i >= 0; i = i - 1)
                if (pend_q[i] != 3'd0 && !(rv_q && rsel_q == i[2:0])) begin
                    pv = 1'b1; pick = i[2:0]; pamt = pend_q[i]; pidx = IDX[i*5 +: 5];
                end
        end
    end
    reg full;
    always @* begin
        full = 1'b0;
        for (i = 0; i < NP; i = i + 1) if (pend_q[i][2]) full = 1'b1;
    end
    assign full_o = full;
    assign busy_o = any || rv_q;

    always @(posedge clk_i) begin
        if (!rst_ni) begin
            for (i = 0; i < NP; i = i + 1) pend_q[i] <= 3'd0;
            rbp_q <= 1'b0; rbi_q <= 3'd0;
            rv_q <= 1'b0; rsel_q <= 3'd0; ramt_q <= 3'd0; widx_q <= 5'd0;
        end else begin
            for (i = 0; i < NP; i = i + 1)
                pend_q[i] <= ((pv && pick == i[2:0]) ? 3'd0 : pend_q[i]) + arr[i];
            if (pv && pick == NP[2:0]) rbp_q <= 1'b0;
            if (rb_i) begin rbp_q <= 1'b1; rbi_q <= rb_idx_i; end
            rv_q <= pv; rsel_q <= pick; ramt_q <= pamt; widx_q <= pidx;
        end
    end

    // the RAM: 32 words; a read and a write of the same word never share a cycle (above)
    (* ram_style = "block", no_rw_check *)
    reg [31:0] mem [0:31];
    integer z;
    initial for (z = 0; z < 32; z = z + 1) mem[z] = 32'd0;
    always @(posedge clk_i) begin
        if (rv_q) mem[widx_q] <= rdata_o + {29'd0, ramt_q};
        if (pv || re_i) rdata_o <= mem[pv ? pidx : raddr_i];
    end
endmodule
