`default_nettype none
// cms_div_mc -- RV32M divide for cms_core_mc: the results of cms_div (rtl/cms_div.v) with one
// 33-bit subtractor for everything, where cms_div has five (the magnitudes of both operands,
// the step, the signs of both results): 3 cycles more, about half the logic.
//
//   start_i (in IDLE)  the operands' and the result's signs are noted; quo = a, div = b
//   NEG, 2 cycles      quo = -quo if a is negative and signed, then div = -div likewise
//   STEP, 32 cycles    one quotient bit per cycle (restoring): {rem, quo} shift left, rem - div
//   FIX, 1 cycle       the result: quo or rem, negated if its sign says so
//   DONE               done_o until ack_i (or kill_i); y_o is the result
//
// Divide by zero needs no case of its own: every step subtracts 0, so the quotient is all ones
// and the remainder the dividend, the RISC-V results, provided DIV does not negate that
// quotient (neg_q is 0 when b is 0).
//
// a_i, b_i and op_i are taken at start_i. done_o rises 36 cycles after start_i.
module cms_div_mc (
    input  wire        clk_i,
    input  wire        rst_ni,
    input  wire        start_i,
    input  wire        ack_i,
    input  wire        kill_i,
    input  wire [1:0]  op_i,      // funct3[1:0] of DIV(0) DIVU(1) REM(2) REMU(3)
    input  wire [31:0] a_i,
    input  wire [31:0] b_i,
    output wire        idle_o,
    output wire        done_o,
    output wire [31:0] y_o
);
    localparam [2:0] S_IDLE = 3'd0, S_NEGA = 3'd1, S_NEGB = 3'd2, S_STEP = 3'd3, S_FIX = 3'd4,
                     S_DONE = 3'd5;
    reg [2:0]  state_q;
    reg [4:0]  count_q;
    reg [31:0] rem_q, quo_q, div_q;
    reg        aneg_q, bneg_q, neg_q, rem_op_q;

    // the subtractor: x - y
    reg  [32:0] x, y;
    always @* begin
        case (state_q)
            S_NEGA:  begin x = 33'd0; y = {1'b0, quo_q}; end
            S_NEGB:  begin x = 33'd0; y = {1'b0, div_q}; end
            S_STEP:  begin x = {rem_q, quo_q[31]}; y = {1'b0, div_q}; end
            default: begin x = 33'd0; y = {1'b0, rem_op_q ? rem_q : quo_q}; end   // S_FIX
        endcase
    end
    wire [32:0] diff = x - y;

    assign idle_o = state_q == S_IDLE;
    assign done_o = state_q == S_DONE;
    assign y_o = quo_q;

    always @(posedge clk_i) begin
        if (!rst_ni || kill_i) begin
            state_q <= S_IDLE; count_q <= 5'd0; rem_q <= 32'd0; quo_q <= 32'd0; div_q <= 32'd0;
            aneg_q <= 1'b0; bneg_q <= 1'b0; neg_q <= 1'b0; rem_op_q <= 1'b0;
        end else begin
            case (state_q)
                S_IDLE: if (start_i) begin
                    state_q  <= S_NEGA;
                    quo_q    <= a_i;
                    div_q    <= b_i;
                    rem_q    <= 32'd0;
                    count_q  <= 5'd0;
                    aneg_q   <= ~op_i[0] & a_i[31];
                    bneg_q   <= ~op_i[0] & b_i[31];
                    rem_op_q <= op_i[1];
                    // REM takes the dividend's sign, DIV the signs' difference (none for / 0)
                    neg_q    <= ~op_i[0] & (op_i[1] ? a_i[31] : (a_i[31] ^ b_i[31]) & b_i != 32'd0);
                end
                S_NEGA: begin
                    if (aneg_q) quo_q <= diff[31:0];
                    state_q <= S_NEGB;
                end
                S_NEGB: begin
                    if (bneg_q) div_q <= diff[31:0];
                    state_q <= S_STEP;
                end
                S_STEP: begin
                    rem_q <= diff[32] ? x[31:0] : diff[31:0];
                    quo_q <= {quo_q[30:0], !diff[32]};
                    count_q <= count_q + 5'd1;
                    if (count_q == 5'd31) state_q <= S_FIX;
                end
                S_FIX: begin
                    quo_q <= neg_q ? diff[31:0] : y[31:0];
                    state_q <= S_DONE;
                end
                default: if (ack_i) state_q <= S_IDLE;
            endcase
        end
    end
endmodule
