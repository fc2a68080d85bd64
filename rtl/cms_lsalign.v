`default_nettype none
// cms_lsalign -- a firmware store's byte enables and data, a load's value from the word read
// (RV32I sizes: funct3). Shared by cms_core and cms_core_mc. Combinational.
module cms_lsalign (
    // store: the size (funct3[1:0]), the address's low bits, rs2
    input  wire [1:0]  st_size_i,
    input  wire [1:0]  st_off_i,
    input  wire [31:0] st_data_i,
    output reg  [3:0]  st_be_o,
    output reg  [31:0] st_wdata_o,
    // load: funct3, the address's low bits, the word read, and what an LW gives
    input  wire [2:0]  ld_f3_i,
    input  wire [1:0]  ld_off_i,
    input  wire [31:0] ld_data_i,
    input  wire [31:0] ld_word_i,
    output reg  [31:0] ld_val_o
);
    always @* begin
        case (st_size_i)
            2'd0:    begin st_be_o = 4'b0001 << st_off_i; st_wdata_o = {4{st_data_i[7:0]}}; end
            2'd1:    begin st_be_o = st_off_i[1] ? 4'b1100 : 4'b0011; st_wdata_o = {2{st_data_i[15:0]}}; end
            default: begin st_be_o = 4'b1111; st_wdata_o = st_data_i; end
        endcase
    end

    wire [7:0]  ld_b = ld_data_i[{ld_off_i, 3'b000} +: 8];
    wire [15:0] ld_h = ld_off_i[1] ? ld_data_i[31:16] : ld_data_i[15:0];
    always @* begin
        case (ld_f3_i)
            3'd0: ld_val_o = {{24{ld_b[7]}}, ld_b};
            3'd1: ld_val_o = {{16{ld_h[15]}}, ld_h};
            3'd4: ld_val_o = {24'd0, ld_b};
            3'd5: ld_val_o = {16'd0, ld_h};
            default: ld_val_o = ld_word_i;
        endcase
    end
endmodule
