`default_nettype none
`timescale 1ns / 1ps
// tb_uart_tx -- self-checking Icarus test bench for cms_uart_tx (make test-uart).
// Sends bytes back to back and with gaps, tries a valid_i pulse while busy (must be ignored),
// and decodes tx_o as a receiver would: at the start bit's falling edge it waits half a bit,
// checks the start bit, samples the eight data bits at their centres and checks the stop bit.
// Any mismatch or protocol error ends with $fatal; success prints "tb_uart_tx: PASS ...".
// TB_CLK_HZ (default 12 MHz) selects the clock; the bit time comes from the same rounding as
// the design's.
module tb_uart_tx;
`ifndef TB_CLK_HZ
    `define TB_CLK_HZ 12000000
`endif
    localparam integer CLK_HZ = `TB_CLK_HZ;
    localparam integer BAUD   = 115200;
    localparam integer DIV    = (CLK_HZ + BAUD / 2) / BAUD;   // cycles per bit
    localparam real    PERIOD = 1.0e9 / CLK_HZ;               // ns
    localparam real    BIT_NS = PERIOD * DIV;
    localparam integer N      = 10;

    reg clk = 1'b0, rst_n = 1'b0, valid = 1'b0;
    reg [7:0] data = 8'd0;
    wire ready, tx;

    cms_uart_tx #(.CLK_HZ(CLK_HZ), .BAUD(BAUD)) u_dut (
        .clk_i (clk), .rst_ni (rst_n), .valid_i (valid), .data_i (data),
        .ready_o (ready), .tx_o (tx));

    always #(PERIOD / 2.0) clk = !clk;

    reg [7:0] bytes [0:N-1];
    integer sent = 0, got = 0;

    // ---------------------------------------------------------------- receiver
    reg [7:0] rx;
    integer i;
    reg in_frame = 1'b0;
    realtime t0 = -1.0e9;   // start of the current (or last) frame
    initial begin
        @(posedge rst_n);
        forever begin
            @(negedge tx);
            // a frame lasts ten bits: the next start bit may not come earlier
            if ($realtime - t0 < 10 * BIT_NS - PERIOD / 2.0)
                $fatal(1, "tb_uart_tx: byte %0d: start bit %0.1f ns after the last one (< 10 bits)",
                       got, $realtime - t0);
            t0 = $realtime;
            in_frame = 1'b1;
            #(BIT_NS / 2.0);
            if (tx !== 1'b0) $fatal(1, "tb_uart_tx: byte %0d: start bit not low at its centre", got);
            for (i = 0; i < 8; i = i + 1) begin
                #(BIT_NS);
                rx[i] = tx;
            end
            #(BIT_NS);
            if (tx !== 1'b1) $fatal(1, "tb_uart_tx: byte %0d: stop bit not high", got);
            if (got >= sent) $fatal(1, "tb_uart_tx: byte %02h received but none was sent", rx);
            if (rx !== bytes[got])
                $fatal(1, "tb_uart_tx: byte %0d: sent %02h, received %02h", got, bytes[got], rx);
            got = got + 1;
            in_frame = 1'b0;
        end
    end

    // within a frame the line changes only on bit boundaries (this checks the bit time)
    real nbits;
    always @(tx) if (in_frame) begin
        nbits = ($realtime - t0) / BIT_NS;
        if ((nbits - $floor(nbits + 0.5)) * BIT_NS > PERIOD / 2.0 ||
            ($floor(nbits + 0.5) - nbits) * BIT_NS > PERIOD / 2.0)
            $fatal(1, "tb_uart_tx: byte %0d: edge %0.1f ns into the frame, not on a bit boundary",
                   got, $realtime - t0);
    end

    // ---------------------------------------------------------------- sender
    // inputs change on the falling edge, away from the design's rising edge
    task send(input [7:0] b);
        begin
            while (ready !== 1'b1) @(negedge clk);
            bytes[sent] = b;
            sent = sent + 1;
            data = b; valid = 1'b1;
            @(negedge clk);
            valid = 1'b0; data = 8'hxx;
            if (ready !== 1'b0) $fatal(1, "tb_uart_tx: ready_o still high the cycle after valid_i");
        end
    endtask

    integer k;
    reg [47:0] text = "cms-42";
    initial begin
        repeat (3) @(negedge clk);
        if (tx !== 1'b1) $fatal(1, "tb_uart_tx: tx_o not idle high in reset");
        rst_n = 1'b1;
        @(negedge clk);
        if (ready !== 1'b1 || tx !== 1'b1) $fatal(1, "tb_uart_tx: not idle after reset");
        // back to back
        send(8'h55); send(8'h00); send(8'hff); send(8'ha5);
        // a pulse while busy must be ignored
        repeat (DIV * 3) @(negedge clk);
        data = 8'h3c; valid = 1'b1;
        @(negedge clk);
        valid = 1'b0;
        // with gaps of a few cycles and of a few bit times
        for (k = 0; k < 6; k = k + 1) begin
            send(text[8 * (5 - k) +: 8]);
            repeat (k * k * 37) @(negedge clk);
        end
        // let the last frame finish and the line idle for two frames
        while (ready !== 1'b1) @(negedge clk);
        repeat (DIV * 20) @(negedge clk);
        if (tx !== 1'b1) $fatal(1, "tb_uart_tx: line not idle at the end");
        if (got != sent) $fatal(1, "tb_uart_tx: sent %0d bytes, received %0d", sent, got);
        $display("tb_uart_tx: PASS %0d bytes at %0d Hz, %0d cycles per bit", got, CLK_HZ, DIV);
        $finish;
    end
endmodule
