`default_nettype none
// cms_sbuf_mc -- the gated store buffer of the multi-cycle core (cms_core_mc, docs/mc.md), the
// same buffer as cms_sbuf (docs/isa.md section 7) built for the UP5K: the word offsets of the
// entries are in flip-flops, so that a lookup compares them all at once, and the data in block
// RAM, read one entry per cycle.
//
// Entries are guest-window word offsets, filled from 0 in program order (entry count_o is the
// next). Each cycle the data RAM reads one entry, synchronously (look_data_o and drain_data_o
// hold it the cycle after):
//   look_i     the youngest entry whose offset is look_addr_i; look_hit_o (registered) says
//              whether there was one: a translated load's forwarding
//   drain_i    entry head+1: the core writes entry head to DMEM this cycle (drain_addr_o and
//              drain_data_o, read the cycle before) and the next one the cycle after
//   otherwise  entry head (0 when not draining): the core spends one cycle between the commit
//              and the first drain_i reading entry 0 (the commit may come in the cycle of the
//              enqueue of entry 0, and a RAM read in the cycle of a write of the same entry is
//              undefined: no collision logic)
// last_o: the entry being drained is the last one; the buffer is then empty. rollback_i
// empties it without writing. An enqueue, a drain and a rollback are never in one cycle.
module cms_sbuf_mc #(
    parameter DEPTH = 8,
    parameter AW    = 10,   // word offset width
    parameter CW    = 4     // count width: holds 0..DEPTH
) (
    // the same ports as cms_sbuf (rtl/), the pipelined core's buffer
    input  wire          clk_i,
    input  wire          rst_ni,
    input  wire          enq_i,
    input  wire [AW-1:0] enq_addr_i,
    input  wire [31:0]   enq_data_i,
    input  wire          look_i,
    input  wire [AW-1:0] look_addr_i,
    output reg           look_hit_o,     // the cycle after look_i
    output wire [31:0]   look_data_o,    // the RAM's read (rdata), likewise
    input  wire          commit_i,       // (cms_sbuf's: here the core sequences the drain)
    input  wire          rollback_i,
    input  wire          drain_i,
    output wire          drain_o,        // drain_i, as the core gave it
    output wire [AW-1:0] drain_addr_o,
    output wire [31:0]   drain_data_o,   // the RAM's read (rdata)
    output wire          last_o,
    output wire [CW-1:0] count_o,
    output wire          full_o
);
    localparam IW = $clog2(DEPTH);
    reg [AW-1:0] addr_q [0:DEPTH-1];
    (* ram_style = "block", no_rw_check *)
    reg [31:0]   data_m [0:DEPTH-1];
    reg [CW-1:0] count_q;
    reg [IW-1:0] head_q;

    reg  [31:0] rdata;
    assign look_data_o  = rdata;
    assign drain_data_o = rdata;
    assign drain_o      = drain_i;
    wire   unused       = &{1'b0, commit_i};
    assign count_o      = count_q;
    assign full_o       = count_q == DEPTH[CW-1:0];
    assign drain_addr_o = addr_q[head_q];
    assign last_o       = {{(CW-IW){1'b0}}, head_q} + 1'b1 == count_q;

    // the youngest match (entries fill upwards, so the highest index)
    reg          hit;
    reg [IW-1:0] hit_i;
    integer i;
    always @* begin
        hit = 1'b0;
        hit_i = {IW{1'b0}};
        for (i = 0; i < DEPTH; i = i + 1)
            if (i < count_q && addr_q[i] == look_addr_i) begin
                hit = 1'b1;
                hit_i = i[IW-1:0];
            end
    end
    wire [IW-1:0] head_n = head_q + 1'b1;
    wire [IW-1:0] raddr  = look_i ? hit_i : drain_i ? head_n : head_q;

    always @(posedge clk_i) begin
        if (!rst_ni) begin
            count_q <= {CW{1'b0}};
            head_q <= {IW{1'b0}};
            look_hit_o <= 1'b0;
        end else begin
            look_hit_o <= look_i && hit;
            if (enq_i) count_q <= count_q + 1'b1;
            if (drain_i) head_q <= head_n;
            if (rollback_i || (drain_i && last_o)) begin
                count_q <= {CW{1'b0}};
                head_q <= {IW{1'b0}};
            end
        end
    end

    // entries are data, not state: no reset
    always @(posedge clk_i) begin
        if (enq_i) begin
            addr_q[count_q[IW-1:0]] <= enq_addr_i;
            data_m[count_q[IW-1:0]] <= enq_data_i;
        end
        rdata <= data_m[raddr];
    end
endmodule
