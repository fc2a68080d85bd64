`default_nettype none
// cms_uart_tx -- 8N1 UART transmitter for the board tops: the chip's console bytes to the
// board's USB serial bridge. One start bit (0), eight data bits LSB first, one stop bit (1);
// each bit lasts CLK_HZ / BAUD clock cycles, rounded (12 MHz / 115200: 104 cycles, 0.16% slow;
// 25 MHz: 217 cycles, 0.01% fast).
//
// A valid_i pulse while ready_o is high takes data_i; ready_o is low from the next cycle until
// the stop bit has been sent (so it suits cms_chip's con_ready_i directly). A valid_i while
// ready_o is low is ignored. tx_o comes straight from a flip-flop and idles high.
module cms_uart_tx #(
    parameter CLK_HZ = 12000000,
    parameter BAUD   = 115200
) (
    input  wire       clk_i,
    input  wire       rst_ni,      // synchronous, active low
    input  wire       valid_i,
    input  wire [7:0] data_i,
    output wire       ready_o,
    output wire       tx_o
);
    localparam integer DIV = (CLK_HZ + BAUD / 2) / BAUD;   // clock cycles per bit
    localparam integer CW  = $clog2(DIV);                  // holds 0 .. DIV-1
    localparam [31:0]   DIV_M1 = DIV - 1;
    localparam [CW-1:0] DIV_LAST = DIV_M1[CW-1:0];

    reg [9:0]    shift_q;   // the frame, next bit in [0]: {stop, data[7:0], start}; idle: all 1
    reg [3:0]    bits_q;    // bits of the frame still to finish (the one on tx_o included)
    reg [CW-1:0] div_q;     // cycles left in the current bit, minus one

    always @(posedge clk_i) begin
        if (!rst_ni) begin
            shift_q <= 10'h3ff;
            bits_q <= 4'd0;
            div_q <= {CW{1'b0}};
        end else if (bits_q == 4'd0) begin
            if (valid_i) begin
                shift_q <= {1'b1, data_i, 1'b0};
                bits_q <= 4'd10;
                div_q <= DIV_LAST;
            end
        end else if (div_q != {CW{1'b0}}) begin
            div_q <= div_q - 1'b1;
        end else begin
            // end of a bit: shift in the idle level behind the frame
            shift_q <= {1'b1, shift_q[9:1]};
            bits_q <= bits_q - 4'd1;
            div_q <= DIV_LAST;
        end
    end

    assign ready_o = bits_q == 4'd0;
    assign tx_o = shift_q[0];

    // elaboration-time check: at least two cycles per bit
    generate if (DIV < 2) begin : g_bad
        cms_uart_tx_clock_too_slow_for_baud u_error ();
    end endgenerate
endmodule
