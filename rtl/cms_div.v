`default_nettype none
// cms_div -- RV32M divide, one quotient bit per cycle (restoring).
// start_i in IDLE latches the operands; 33 cycles later done_o rises and stays until ack_i or
// kill_i; y_o is valid while done_o. op_i: funct3[1:0] of DIV(0) DIVU(1) REM(2) REMU(3). Divide by zero and overflow give
// the RISC-V results.
module cms_div (
    input  wire        clk_i,
    input  wire        rst_ni,
    input  wire        start_i,
    input  wire        ack_i,
    input  wire        kill_i,
    input  wire [1:0]  op_i,
    input  wire [31:0] a_i,
    input  wire [31:0] b_i,
    output wire        idle_o,
    output wire        done_o,
    output reg  [31:0] y_o
);
    localparam S_IDLE = 2'd0, S_BUSY = 2'd1, S_DONE = 2'd2;
    reg [1:0]  state_q, state_d;
    reg [5:0]  count_q, count_d;
    reg [32:0] rem_q, rem_d;
    reg [31:0] quo_q, quo_d;
    reg [31:0] div_q, div_d;
    reg        neg_q, neg_d;     // negate the result at the end
    reg        rem_op_q, rem_op_d;
    reg        zero_q, zero_d;
    reg [31:0] a_q, a_d;

    wire a_signed = ~op_i[0] & a_i[31];
    wire b_signed = ~op_i[0] & b_i[31];
    reg  [32:0] shifted, diff;
    always @* begin
        shifted = 33'd0; diff = 33'd0;
        if (state_q == S_BUSY) begin
            shifted = {rem_q[31:0], quo_q[31]};
            diff = shifted - {1'b0, div_q};
        end
    end

    assign idle_o = state_q == S_IDLE;
    assign done_o = state_q == S_DONE;

    always @* begin
        state_d = state_q; count_d = count_q; rem_d = rem_q; quo_d = quo_q; div_d = div_q;
        neg_d = neg_q; rem_op_d = rem_op_q; zero_d = zero_q; a_d = a_q;
        case (state_q)
            S_IDLE: if (start_i && !kill_i) begin
                state_d  = S_BUSY;
                count_d  = 6'd32;
                rem_d    = 33'd0;
                quo_d    = a_signed ? -a_i : a_i;
                div_d    = b_signed ? -b_i : b_i;
                rem_op_d = op_i[1];
                neg_d    = op_i[1] ? a_signed : (a_signed ^ b_signed);
                zero_d   = b_i == 32'd0;
                a_d      = a_i;
            end
            S_BUSY: begin
                if (!diff[32]) begin
                    rem_d = diff;
                    quo_d = {quo_q[30:0], 1'b1};
                end else begin
                    rem_d = shifted;
                    quo_d = {quo_q[30:0], 1'b0};
                end
                count_d = count_q - 6'd1;
                if (count_q == 6'd1) state_d = S_DONE;
            end
            default: if (ack_i) state_d = S_IDLE;
        endcase
        if (kill_i) state_d = S_IDLE;
    end

    always @* begin
        if (state_q != S_DONE)
            y_o = 32'd0;
        else if (zero_q)
            y_o = rem_op_q ? a_q : 32'hffff_ffff;
        else if (rem_op_q)
            y_o = neg_q ? -rem_q[31:0] : rem_q[31:0];
        else
            y_o = neg_q ? -quo_q : quo_q;
    end

    always @(posedge clk_i) begin
        if (!rst_ni) begin
            state_q <= S_IDLE; count_q <= 6'd0; rem_q <= 33'd0; quo_q <= 32'd0; div_q <= 32'd0;
            neg_q <= 1'b0; rem_op_q <= 1'b0; zero_q <= 1'b0; a_q <= 32'd0;
        end else begin
            state_q <= state_d; count_q <= count_d; rem_q <= rem_d; quo_q <= quo_d; div_q <= div_d;
            neg_q <= neg_d; rem_op_q <= rem_op_d; zero_q <= zero_d; a_q <= a_d;
        end
    end
endmodule
