`default_nettype none
`timescale 1ns / 1ps
// tb_div -- rtl/mc/cms_div_mc.v against rtl/cms_div.v (the pipelined core's divider, which the
// RTL tests and the differential tests check against the RISC-V definition): DIV, DIVU, REM
// and REMU of random operands, a quarter of them drawn from the edge values (0, 1, -1, the
// most negative, the most positive). Both start together; the results must be equal, and
// cms_div_mc's done_o must come exactly 36 cycles after start_i (docs/mc.md's 38-cycle DIV).
// TB_SEED and TB_DIVS choose the run. Ends with "tb_div: seed S, N divides, 0 mismatches" or $fatal.
module tb_div;
`ifndef TB_SEED
    `define TB_SEED 1
`endif
`ifndef TB_DIVS
    `define TB_DIVS 20000
`endif
    reg clk = 1'b0;
    always #5 clk = !clk;

    reg         rst_n = 1'b0, start = 1'b0, ack = 1'b0;
    reg  [1:0]  op = 2'd0;
    reg  [31:0] a = 32'd0, b = 32'd0;
    wire        r_idle, r_done, m_idle, m_done;
    wire [31:0] r_y, m_y;
    cms_div ref_div (.clk_i(clk), .rst_ni(rst_n), .start_i(start), .ack_i(ack), .kill_i(1'b0),
                     .op_i(op), .a_i(a), .b_i(b), .idle_o(r_idle), .done_o(r_done), .y_o(r_y));
    cms_div_mc dut (.clk_i(clk), .rst_ni(rst_n), .start_i(start), .ack_i(ack), .kill_i(1'b0),
                    .op_i(op), .a_i(a), .b_i(b), .idle_o(m_idle), .done_o(m_done), .y_o(m_y));

    integer seed, n, cyc;
    reg [31:0] r;
    reg [31:0] ref_y;

    function [31:0] pick(input [31:0] rnd, input [31:0] sel);
        case (sel[4:0])
            5'd0: pick = 32'd0;
            5'd1: pick = 32'd1;
            5'd2: pick = 32'hffff_ffff;
            5'd3: pick = 32'h8000_0000;
            5'd4: pick = 32'h7fff_ffff;
            5'd5: pick = {28'd0, rnd[3:0]};
            5'd6: pick = {{28{1'b1}}, rnd[3:0]};
            5'd7: pick = rnd >> rnd[31:27];
            default: pick = rnd;
        endcase
    endfunction

    initial begin
        seed = `TB_SEED;
        repeat (2) @(negedge clk);
        rst_n = 1'b1;
        for (n = 0; n < `TB_DIVS; n = n + 1) begin
            @(negedge clk);
            if (!r_idle || !m_idle) $fatal(1, "tb_div: divide %0d: a divider is not idle", n);
            r = $random(seed);
            op = r[1:0];
            a = pick($random(seed), r[7:3] & (r[2] ? 5'h1f : 5'h18));
            b = pick($random(seed), r[12:8] & (r[13] ? 5'h1f : 5'h18));
            start = 1'b1;
            @(negedge clk);
            start = 1'b0;
            cyc = 1;
            ref_y = 32'hxxxx_xxxx;
            while (!m_done) begin
                if (r_done) ref_y = r_y;
                @(negedge clk);
                cyc = cyc + 1;
                if (cyc > 100) $fatal(1, "tb_div: divide %0d: cms_div_mc never finishes", n);
            end
            if (cyc != 36) $fatal(1, "tb_div: op %0d %h / %h: done after %0d cycles, not 36", op, a, b, cyc);
            if (r_done) ref_y = r_y;
            if (ref_y !== m_y)
                $fatal(1, "tb_div: op %0d %h / %h: cms_div_mc %h, cms_div %h", op, a, b, m_y, ref_y);
            ack = 1'b1;
            @(negedge clk);
            ack = 1'b0;
            // the reference may still be done (it finished first): acknowledge it too
            while (!r_idle) begin ack = 1'b1; @(negedge clk); ack = 1'b0; end
        end
        $display("tb_div: seed %0d, %0d divides, 0 mismatches", `TB_SEED, `TB_DIVS);
        $finish;
    end
endmodule
