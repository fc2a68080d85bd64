`default_nettype none
// tools/up5k-floor/cms_treg.v -- AREA MODEL ONLY (tools/up5k-floor/run.sh): the TR bank as block
// RAM, one bank per writer and one copy per read port, a live-value table saying which bank
// holds a register's latest value, working/shadow pointer bits instead of copies. Synchronous
// reads, so it is not the chip's TR bank (which reads in the same cycle); it shows the logic
// that would remain.
module cms_treg #(
    parameter SLOTS = 2,
    parameter N     = 16,
    parameter NSH   = 8,
    parameter NRD   = 2 * SLOTS + 1
) (
    input  wire                clk_i,
    input  wire                slots_en_i,
    input  wire [NRD*4-1:0]    ridx_i,
    output reg  [NRD*32-1:0]   rdata_o,
    input  wire                w_we_i,
    input  wire                w_shadow_i,
    input  wire [3:0]          w_idx_i,
    input  wire [31:0]         w_data_i,
    input  wire [SLOTS-1:0]    x_we_i,
    input  wire [SLOTS*4-1:0]  x_idx_i,
    input  wire [SLOTS*32-1:0] x_data_i,
    input  wire                fw_we_i,
    input  wire [3:0]          fw_idx_i,
    input  wire [31:0]         fw_data_i,
    input  wire                commit_i,
    input  wire                rollback_i
);
    localparam NW = SLOTS + 1;
    // writer 0: W or firmware; writers 1..SLOTS: slots. Location = {copy bit, idx}
    reg [1:0] lvt [0:N-1];
    reg [N-1:0] wk, sh;
    wire [NW-1:0]    we;
    wire [NW*5-1:0]  wa;
    wire [NW*32-1:0] wd;
    assign we[0] = w_we_i | fw_we_i;
    assign wa[4:0] = {~sh[w_we_i ? w_idx_i : fw_idx_i], w_we_i ? w_idx_i : fw_idx_i};
    assign wd[31:0] = w_we_i ? w_data_i : fw_data_i;
    genvar g, p;
    generate for (g = 1; g < NW; g = g + 1) begin : gw
        assign we[g] = x_we_i[g-1];
        assign wa[g*5 +: 5] = {~sh[x_idx_i[(g-1)*4 +: 4]], x_idx_i[(g-1)*4 +: 4]};
        assign wd[g*32 +: 32] = x_data_i[(g-1)*32 +: 32];
    end endgenerate
    reg [3:0] ridx_q [0:NRD-1];
    generate for (p = 0; p < NRD; p = p + 1) begin : gp
        reg [31:0] rd_q [0:NW-1];
        for (g = 0; g < NW; g = g + 1) begin : gb
            reg [31:0] m [0:31];
            always @(posedge clk_i) begin
                if (we[g]) m[wa[g*5 +: 5]] <= wd[g*32 +: 32];
                rd_q[g] <= m[{wk[ridx_i[p*4 +: 4]], ridx_i[p*4 +: 4]}];
            end
        end
        always @(posedge clk_i) ridx_q[p] <= ridx_i[p*4 +: 4];
        always @* rdata_o[p*32 +: 32] = (w_we_i && w_idx_i == ridx_q[p]) ? w_data_i : rd_q[lvt[ridx_q[p]]];
    end endgenerate
    integer i;
    always @(posedge clk_i) begin
        for (i = 0; i < N; i = i + 1) begin
            if (we[0] && wa[3:0] == i[3:0]) begin lvt[i] <= 2'd0; wk[i] <= wa[4]; end
            if (we[1] && wa[8:5] == i[3:0]) begin lvt[i] <= 2'd1; wk[i] <= wa[9]; end
            if (we[2] && wa[13:10] == i[3:0]) begin lvt[i] <= 2'd2; wk[i] <= wa[14]; end
        end
        if (commit_i) sh <= wk;
        if (rollback_i) wk <= sh;
    end
endmodule
