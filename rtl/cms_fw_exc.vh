// cms_fw_exc.vh -- the cause and mtval of a firmware-mode trap (fw_cause, fw_tval), in the
// priority order of docs/isa.md. Needs fw_irq, fw_exc, pcbad_q and the f_* of cms_fw_dec.vh.
// Included by cms_core and by cms_core_mc (rtl/mc/), so that both
// implementations take the firmware-mode decisions of docs/isa.md section 4 from one text.
    reg [31:0] fw_cause, fw_tval;
    always @* begin
        fw_tval = 32'd0;
        fw_cause = 32'd0;
        if (!(fw_irq || fw_exc))            ;
        else if (fw_irq)                    fw_cause = IRQ_CAUSE;
        else if (pcbad_q)                   begin fw_cause = {24'd0, `CMS_CAUSE_INSN_ACCESS}; fw_tval = pc_q; end
        else if (f_ill)                     begin fw_cause = {24'd0, `CMS_CAUSE_ILLEGAL}; fw_tval = insn; end
        else if (f_ecall)                   fw_cause = {24'd0, `CMS_CAUSE_ECALL_M};
        else if (f_ebreak)                  begin fw_cause = {24'd0, `CMS_CAUSE_BREAKPOINT}; fw_tval = pc_q; end
        else if (f_jmisal)                  begin fw_cause = {24'd0, `CMS_CAUSE_INSN_MISALIGNED}; fw_tval = f_target; end
        else if (f_load && f_misal)         begin fw_cause = {24'd0, `CMS_CAUSE_LOAD_MISALIGNED}; fw_tval = f_addr; end
        else if (f_store && f_misal)        begin fw_cause = {24'd0, `CMS_CAUSE_STORE_MISALIGNED}; fw_tval = f_addr; end
        else if (f_ld_fault)                begin fw_cause = {24'd0, `CMS_CAUSE_LOAD_ACCESS}; fw_tval = f_addr; end
        else if (f_st_fault)                begin fw_cause = {24'd0, `CMS_CAUSE_STORE_ACCESS}; fw_tval = f_addr; end
        else if (f_protoob && f_txprotrd)   begin fw_cause = {24'd0, `CMS_CAUSE_LOAD_ACCESS}; fw_tval = rs1v; end
        else if (f_protoob)                 begin fw_cause = {24'd0, `CMS_CAUSE_STORE_ACCESS}; fw_tval = rs1v; end
        else                                begin fw_cause = {24'd0, `CMS_CAUSE_TX_PROT}; fw_tval = f_addr; end
    end
