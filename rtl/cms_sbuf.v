`default_nettype none
// cms_sbuf -- the gated store buffer. Translated stores wait here until a commit, then drain
// to DMEM in program order, one per cycle (drain_o high; the core stalls meanwhile). A
// rollback empties it. Lookup returns the youngest buffered store to a word (forwarding).
module cms_sbuf #(
    parameter DEPTH = 8,
    parameter AW    = 14,   // word address width (DMEM)
    parameter CW    = 4     // count width: holds 0..DEPTH
) (
    // the same ports as cms_sbuf_mc (rtl/mc/), the multi-cycle core's buffer
    input  wire          clk_i,
    input  wire          rst_ni,
    input  wire          enq_i,
    input  wire [AW-1:0] enq_addr_i,
    input  wire [31:0]   enq_data_i,
    input  wire          look_i,
    input  wire [AW-1:0] look_addr_i,
    output reg           look_hit_o,     // this cycle
    output reg  [31:0]   look_data_o,
    input  wire          commit_i,       // starts the drain
    input  wire          rollback_i,
    input  wire          drain_i,        // (cms_sbuf_mc's: here the buffer drains itself)
    output wire          drain_o,        // draining: entry drain_addr_o, drain_data_o goes to DMEM
    output wire [AW-1:0] drain_addr_o,
    output wire [31:0]   drain_data_o,
    output wire          last_o,         // the entry draining is the last
    output wire [CW-1:0] count_o,
    output wire          full_o
);
    reg [AW-1:0] addr_q [0:DEPTH-1];
    reg [31:0]   data_q [0:DEPTH-1];
    reg [CW-1:0] count_q, count_d;
    reg [CW-1:0] head_q, head_d;
    reg          drain_q, drain_d;
    integer i;

    assign drain_o = drain_q;
    localparam IW = $clog2(DEPTH);
    assign drain_addr_o = addr_q[head_q[IW-1:0]];
    assign drain_data_o = data_q[head_q[IW-1:0]];
    assign count_o = count_q;
    assign full_o = count_q == DEPTH[CW-1:0];
    assign last_o = head_q + 1'b1 == count_q;
    wire   unused = &{1'b0, drain_i};

    always @* begin
        look_hit_o = 1'b0;
        look_data_o = 32'd0;
        i = 0;   // assigned on every path: a loop variable assigned only under the if is a latch to Yosys
        if (look_i) for (i = 0; i < DEPTH; i = i + 1) begin
            if (i < count_q && addr_q[i] == look_addr_i) begin
                look_hit_o = 1'b1;
                look_data_o = data_q[i];
            end
        end
    end

    always @* begin
        count_d = count_q; head_d = head_q; drain_d = drain_q;
        if (drain_q) begin
            if (last_o) begin
                drain_d = 1'b0;
                head_d = {CW{1'b0}};
                count_d = {CW{1'b0}};
            end else begin
                head_d = head_q + 1'b1;
            end
        end else begin
            if (enq_i) count_d = count_q + 1'b1;
            if (commit_i && count_d != {CW{1'b0}}) drain_d = 1'b1;
            if (rollback_i) count_d = {CW{1'b0}};
        end
    end

    always @(posedge clk_i) begin
        if (!rst_ni) begin
            count_q <= {CW{1'b0}};
            head_q <= {CW{1'b0}};
            drain_q <= 1'b0;
        end else begin
            count_q <= count_d;
            head_q <= head_d;
            drain_q <= drain_d;
        end
    end

    // entries are data, not state: no reset
    always @(posedge clk_i) begin
        if (enq_i && !drain_q) begin
            addr_q[count_q[IW-1:0]] <= enq_addr_i;
            data_q[count_q[IW-1:0]] <= enq_data_i;
        end
    end
endmodule
