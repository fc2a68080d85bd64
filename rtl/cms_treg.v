`default_nettype none
// cms_treg -- the translation register bank: TR0..TR(N-1), TR0 reads zero. TR1..TR(NSH-1) have
// shadow copies. Read ports are combinational and see the W-stage result being written this
// cycle (forwarding), so reads always return the value as of the end of the previous bundle.
// Write order within a cycle: W-stage (oldest), then the bundle's slots (higher slot wins),
// then the firmware's tx.wr (working and shadow). commit_i copies the new working values into
// the shadows; rollback_i restores the shadowed working registers from the shadows (a W-stage
// result marked w_shadow_i belongs to a committed bundle and survives). commit_i and
// rollback_i are never asserted together.
module cms_treg #(
    parameter SLOTS = 2,
    parameter N     = 16,
    parameter NSH   = 8,
    parameter NRD   = 2 * SLOTS + 1
) (
    input  wire                clk_i,
    input  wire                slots_en_i,  // translation mode: the slot read ports are in use
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
    reg [31:0] work_q   [0:N-1];
    reg [31:0] shadow_q [0:NSH-1];
    reg [31:0] work_n   [0:NSH-1];   // next working value of the shadowed registers
    reg [31:0] shadow_n [0:NSH-1];   // next shadow value, before commit
    integer i, s;

    // ports 0..NRD-2 belong to the slots, port NRD-1 to the firmware's tx.rd
    always @* begin
        rdata_o = {NRD*32{1'b0}};
        for (i = 0; i < NRD; i = i + 1) if (slots_en_i || i == NRD - 1) begin
            if (w_we_i && w_idx_i == ridx_i[i*4 +: 4] && w_idx_i != 4'd0)
                rdata_o[i*32 +: 32] = w_data_i;
            else if (ridx_i[i*4 +: 4] != 4'd0)
                rdata_o[i*32 +: 32] = work_q[ridx_i[i*4 +: 4]];   // TR0 reads zero
        end
    end

    // only commit, rollback and shadow writes need the merged next values
    wire shadow_upd = commit_i || rollback_i || (w_we_i && w_shadow_i) || fw_we_i;
    always @* begin
        s = 0;   // assigned on every path: a loop variable assigned only under the if is a latch to Yosys
        for (i = 0; i < NSH; i = i + 1) begin
            work_n[i] = work_q[i];
            shadow_n[i] = shadow_q[i];
        end
        if (shadow_upd) for (i = 0; i < NSH; i = i + 1) begin
            if (w_we_i && w_idx_i == i[3:0]) begin
                work_n[i] = w_data_i;
                if (w_shadow_i) shadow_n[i] = w_data_i;
            end
            for (s = 0; s < SLOTS; s = s + 1)
                if (x_we_i[s] && x_idx_i[s*4 +: 4] == i[3:0]) work_n[i] = x_data_i[s*32 +: 32];
            if (fw_we_i && fw_idx_i == i[3:0]) begin
                work_n[i] = fw_data_i;
                shadow_n[i] = fw_data_i;
            end
        end
    end

    // register arrays: not reset (zero at power-up); the firmware writes what it uses
    integer z;
    initial begin
        for (z = 0; z < N; z = z + 1) work_q[z] = 32'd0;
        for (z = 0; z < NSH; z = z + 1) shadow_q[z] = 32'd0;
    end

    wire any_we = w_we_i || (|x_we_i) || fw_we_i;
    always @(posedge clk_i) begin
        if (any_we) begin
            if (w_we_i && w_idx_i != 4'd0) work_q[w_idx_i] <= w_data_i;
            for (s = 0; s < SLOTS; s = s + 1)
                if (x_we_i[s] && x_idx_i[s*4 +: 4] != 4'd0) work_q[x_idx_i[s*4 +: 4]] <= x_data_i[s*32 +: 32];
            if (fw_we_i && fw_idx_i != 4'd0) work_q[fw_idx_i] <= fw_data_i;
        end
        if (rollback_i)
            for (i = 1; i < NSH; i = i + 1) work_q[i] <= shadow_n[i];
        if (shadow_upd)
            for (i = 1; i < NSH; i = i + 1)
                shadow_q[i] <= commit_i ? work_n[i] : shadow_n[i];
    end
endmodule
