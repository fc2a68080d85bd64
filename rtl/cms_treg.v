`default_nettype none
// cms_treg -- the translation register bank: TR0..TR(N-1), TR0 reads zero. TR1..TR(NSH-1) have
// shadow copies. Read ports are combinational and see the W-stage result being written this
// cycle (forwarding), so reads always return the value as of the end of the previous bundle.
// Write order within a cycle: W-stage (oldest), then the bundle's slots (higher slot wins),
// then the firmware's tx.wr. commit_i copies the new working values into the shadows;
// rollback_i restores the shadowed working registers from the shadows (commit and rollback
// are never asserted together).
module cms_treg #(
    parameter SLOTS = 2,
    parameter N     = 16,
    parameter NSH   = 8,
    parameter NRD   = 2 * SLOTS + 1
) (
    input  wire               clk_i,
    input  wire               rst_ni,
    input  wire [NRD*4-1:0]   ridx_i,
    output reg  [NRD*32-1:0]  rdata_o,
    // W-stage write (load / multiply result); w_shadow_i also writes the shadow (commit bundle)
    input  wire               w_we_i,
    input  wire               w_shadow_i,
    input  wire [3:0]         w_idx_i,
    input  wire [31:0]        w_data_i,
    // bundle writes, one per slot
    input  wire [SLOTS-1:0]   x_we_i,
    input  wire [SLOTS*4-1:0] x_idx_i,
    input  wire [SLOTS*32-1:0] x_data_i,
    // firmware tx.wr: working and shadow
    input  wire               fw_we_i,
    input  wire [3:0]         fw_idx_i,
    input  wire [31:0]        fw_data_i,
    input  wire               commit_i,
    input  wire               rollback_i
);
    reg [N*32-1:0] work_q, work_d;
    reg [N*32-1:0] shadow_q, shadow_d;
    integer i, s;

    always @* begin
        for (i = 0; i < NRD; i = i + 1) begin
            if (w_we_i && w_idx_i == ridx_i[i*4 +: 4] && w_idx_i != 4'd0)
                rdata_o[i*32 +: 32] = w_data_i;
            else
                rdata_o[i*32 +: 32] = work_q[ridx_i[i*4 +: 4]*32 +: 32];
        end
    end

    always @* begin
        work_d = work_q;
        shadow_d = shadow_q;
        if (w_we_i) begin
            work_d[w_idx_i*32 +: 32] = w_data_i;
            if (w_shadow_i) shadow_d[w_idx_i*32 +: 32] = w_data_i;
        end
        for (s = 0; s < SLOTS; s = s + 1)
            if (x_we_i[s]) work_d[x_idx_i[s*4 +: 4]*32 +: 32] = x_data_i[s*32 +: 32];
        if (fw_we_i) begin
            work_d[fw_idx_i*32 +: 32] = fw_data_i;
            shadow_d[fw_idx_i*32 +: 32] = fw_data_i;
        end
        work_d[31:0] = 32'd0;
        if (commit_i) shadow_d[NSH*32-1:0] = work_d[NSH*32-1:0];
        if (rollback_i) work_d[NSH*32-1:0] = shadow_d[NSH*32-1:0];
        shadow_d[N*32-1:NSH*32] = {(N-NSH)*32{1'b0}};   // scratch registers have no shadow
        shadow_d[31:0] = 32'd0;
    end

    always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) begin
            work_q <= {N*32{1'b0}};
            shadow_q <= {N*32{1'b0}};
        end else begin
            work_q <= work_d;
            shadow_q <= shadow_d;
        end
    end
endmodule
