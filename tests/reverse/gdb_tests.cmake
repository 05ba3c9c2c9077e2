# End-to-end gdb sessions: gdb_*.py scripts (helpers in bs_gdb.py) run by
# run_gdb.sh inside gdb-multiarch against `backstep -g`, on small -O0 ARM
# programs in programs/ whose MARK:name comments name the lines the scripts
# check. Included from CMakeLists.txt (after `run` and bs_arm_program are
# defined). Label "reverse"; tests of known-broken behaviour also carry the
# label "pending" (ctest -L reverse -LE pending runs the ones that must pass).
set(gdb_progs basics loop watch watchside calls printer spin crash blocked exitstop thumb straddle sighandler sigpass divert
    spinblock writes progress)
set(saved_programs ${BS_REVERSE_PROGRAMS})
set(BS_REVERSE_PROGRAMS)
foreach(p IN LISTS gdb_progs)
  bs_arm_program(gdb-${p} ${CMAKE_CURRENT_SOURCE_DIR}/programs/${p}.c -O0)
endforeach()
# The same programs as Thumb code (gcc takes the last of -marm/-mthumb).
foreach(p IN LISTS gdb_progs)
  if(NOT p MATCHES "^(thumb|straddle)$")
    bs_arm_program(gdb-${p}-thumb ${CMAKE_CURRENT_SOURCE_DIR}/programs/${p}.c -O0 -mthumb)
  endif()
endforeach()
# VFP code (armel softfp) for gdb_vfp.py.
bs_arm_program(gdb-vfp ${CMAKE_CURRENT_SOURCE_DIR}/programs/vfp.c -O0 -march=armv7-a -mfpu=vfpv4 -mfloat-abi=softfp)
# Three threads (gdb_threads.py).
bs_arm_program(gdb-threads ${CMAKE_CURRENT_SOURCE_DIR}/programs/threads_gdb.c -O0)
# Writes by stores, a signal handler, threads and read(2) (gdb_history_queries_mixed.py).
bs_arm_program(gdb-writes-mixed ${CMAKE_CURRENT_SOURCE_DIR}/programs/writes_mixed.c -O0)
bs_arm_program(gdb-writes-mixed-thumb ${CMAKE_CURRENT_SOURCE_DIR}/programs/writes_mixed.c -O0 -mthumb)
add_custom_target(reverse_gdb_programs ALL DEPENDS ${BS_REVERSE_PROGRAMS})
set(BS_REVERSE_PROGRAMS ${saved_programs} ${BS_REVERSE_PROGRAMS})
if(TARGET reverse_programs)
  add_dependencies(reverse_programs reverse_gdb_programs)
endif()

# bs_gdb_test(NAME SCRIPT PROGRAM [ARGS...] [LABELS...] [ENV var=value...]):
# runs gdb_SCRIPT.py on gdb-PROGRAM ARGS; the guest's stdout goes to
# NAME.stdout in the build tree (BS_GUEST_OUT) for the script to read.
function(bs_gdb_test name script prog)
  cmake_parse_arguments(T "" "" "ARGS;LABELS;ENV" ${ARGN})
  add_test(NAME reverse/gdb-${name}
           COMMAND ${run} ${CMAKE_CURRENT_SOURCE_DIR}/gdb_${script}.py ${CMAKE_CURRENT_BINARY_DIR}/gdb-${prog}
                   ${T_ARGS})
  set(labels reverse ${T_LABELS})
  set_tests_properties(reverse/gdb-${name} PROPERTIES LABELS "${labels}" TIMEOUT 60
                       WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
                       ENVIRONMENT "BS_GUEST_OUT=${CMAKE_CURRENT_BINARY_DIR}/gdb-${name}.stdout;${T_ENV}")
endfunction()

set(expect_basics "BS_EXPECT_STDOUT=${CMAKE_CURRENT_SOURCE_DIR}/programs/basics.expected;BS_EXPECT_STATUS=25")
bs_gdb_test(basics basics basics)
bs_gdb_test(detach detach basics ENV ${expect_basics})
bs_gdb_test(detach-in-past detach basics ENV ${expect_basics} DETACH_BACK=7)
bs_gdb_test(stepi-roundtrip stepi_roundtrip basics)
bs_gdb_test(reverse-continue reverse_continue loop)
bs_gdb_test(watch-reverse watch_reverse watch)
bs_gdb_test(watch-forward-replay watch_forward watch ENV WATCH_REPLAY=1)
# At the end of history (live): with the writes in the last watch slice
# before the exit, and far from it.
bs_gdb_test(watch-forward-live watch_forward watch)
bs_gdb_test(watch-forward-live-long watch_forward watch ARGS 100000)
# Nothing runs past a forward watch stop (issue 13): output, a file and a
# blocking read right after each watched access; live, then in replay.
# (The -thumb and -dyn variants are below.)
function(bs_watch_side_test name prog)
  set(flag ${CMAKE_CURRENT_BINARY_DIR}/${name}.flag)
  bs_gdb_test(${name} watch_side ${prog} ARGS ${flag} ${ARGN}
              ENV BS_STDIN_FIFO=1 BS_EXPECT_STATUS=0 WATCH_SIDE_FILE=${flag} ${BS_WATCH_SIDE_ENV})
endfunction()
bs_watch_side_test(watch-side watchside)
bs_gdb_test(reverse-step reverse_step calls)
bs_gdb_test(reverse-next-big reverse_next_big calls)
bs_gdb_test(replay-output replay_output printer)
bs_gdb_test(interrupt interrupt spin)
# Ctrl-C with every guest signal blocked, two threads spinning.
bs_gdb_test(interrupt-blocked interrupt_blocked spinblock)
bs_gdb_test(crash crash crash ENV BS_EXPECT_STATUS=139)
bs_gdb_test(signals signals sighandler ENV BS_EXPECT_STATUS=0)
bs_gdb_test(signals-thumb signals sighandler-thumb LABELS thumb ENV BS_EXPECT_STATUS=0)
bs_gdb_test(pass-signals pass_signals sigpass ENV BS_EXPECT_STATUS=114)
bs_gdb_test(program-signals program_signals sigpass ENV BS_EXPECT_STATUS=13)
bs_gdb_test(seek-extended seek_extended basics)
bs_gdb_test(monitor-seek-bad monitor_seek basics)
bs_gdb_test(interrupt-syscall interrupt_syscall blocked)
# gdb's function calls and writes leave history alone (diversions, issue 14).
bs_gdb_test(diversions diversions divert ENV BS_EXPECT_STATUS=0)
bs_gdb_test(diversions-thumb diversions divert-thumb LABELS thumb ENV BS_EXPECT_STATUS=0)
# monitor writes/last and bookmarks against single-stepping and watchpoints
# (issue 14); -long: 3*10^6 loop iterations after the writes with a 16M undo
# log, so most of them lie before its reach (snapshots and replay answer).
bs_gdb_test(history-queries history_queries writes)
bs_gdb_test(history-queries-thumb history_queries writes-thumb LABELS thumb)
bs_gdb_test(history-queries-long history_queries writes ARGS 3000000 ENV "BS_OPTS=-undo-limit 16M" HQ_BEYOND_LOG=1)
# Both ways through a slice (timeline/query_slice.h): the slow way alone, and
# over a history of many snapshot intervals, fast and slow.
bs_gdb_test(history-queries-slow history_queries writes ARGS 3000000 ENV "BS_OPTS=-undo-limit 16M" HQ_BEYOND_LOG=1
            BACKSTEP_QUERY_SLOW=1)
set(hq_long_opts "BS_OPTS=-snapshot-interval 1000000 -undo-limit 16M")
bs_gdb_test(history-queries-intervals history_queries_long progress ARGS 1000000 ENV ${hq_long_opts})
bs_gdb_test(history-queries-intervals-thumb history_queries_long progress-thumb ARGS 1000000 LABELS thumb
            ENV ${hq_long_opts})
bs_gdb_test(history-queries-intervals-slow history_queries_long progress ARGS 1000000 ENV ${hq_long_opts}
            BACKSTEP_QUERY_SLOW=1)
bs_gdb_test(signal-from-outside signal_from_outside spin)
bs_gdb_test(history-queries-mixed history_queries_mixed writes-mixed)
bs_gdb_test(history-queries-mixed-thumb history_queries_mixed writes-mixed-thumb LABELS thumb)
bs_gdb_test(history-queries-mixed-slow history_queries_mixed writes-mixed ENV BACKSTEP_QUERY_SLOW=1)
# Threads: info threads, a breakpoint hit on a worker, bt per thread,
# stepi/reverse-stepi of the running thread and of one that is not running,
# reverse execution across thread switches.
bs_gdb_test(threads threads threads ENV BS_EXPECT_STATUS=0)

# Reverse debugging from the exit stop, static and dynamic (exitstop.c);
# kill and detach at the exit stop still end the program with its status.
bs_gdb_test(exit-stop exit_stop exitstop ENV BS_EXPECT_STATUS=5)
bs_gdb_test(exit-stop-kill exit_stop exitstop ENV BS_EXPECT_STATUS=5 EXIT_HOW=kill)
bs_gdb_test(exit-stop-detach exit_stop exitstop ENV BS_EXPECT_STATUS=5 EXIT_HOW=detach)

# BKPT and UDF are not counted as retired instructions: both stop at count 2.
foreach(trap bkpt udf thumb-bkpt thumb-udf)
  set(flags -nostdlib -x assembler-with-cpp)
  if(trap MATCHES udf)
    list(APPEND flags -DTRAP_UDF)
  endif()
  if(trap MATCHES thumb)
    list(APPEND flags -DTRAP_THUMB)
  endif()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/gdb-trap-${trap})
  add_custom_command(OUTPUT ${out}
    COMMAND ${ARMEL_CC} -static -g ${flags} -o ${out} ${CMAKE_CURRENT_SOURCE_DIR}/programs/trap_count.S
    DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/programs/trap_count.S VERBATIM)
  add_custom_target(gdb_trap_${trap} ALL DEPENDS ${out})
endforeach()
set(out ${CMAKE_CURRENT_BINARY_DIR}/gdb-cond-trap)
add_custom_command(OUTPUT ${out}
  COMMAND ${ARMEL_CC} -static -g -nostdlib -o ${out} ${CMAKE_CURRENT_SOURCE_DIR}/programs/cond_trap.S
  DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/programs/cond_trap.S VERBATIM)
add_custom_target(gdb_cond_trap ALL DEPENDS ${out})
bs_gdb_test(trap-count-bkpt trap_count trap-bkpt ENV TRAP_SIGNAL=SIGTRAP)
# A conditional BKPT/UDF whose condition fails retires; one whose condition holds traps.
bs_gdb_test(cond-trap cond_trap cond-trap ENV BS_EXPECT_STATUS=133)
bs_gdb_test(trap-count-udf trap_count trap-udf ENV TRAP_SIGNAL=SIGILL)
bs_gdb_test(trap-count-thumb-bkpt trap_count trap-thumb-bkpt LABELS thumb ENV TRAP_SIGNAL=SIGTRAP INSN_SIZE=2)
bs_gdb_test(trap-count-thumb-udf trap_count trap-thumb-udf LABELS thumb ENV TRAP_SIGNAL=SIGILL INSN_SIZE=2)

# Debugging Thumb code (programs/thumb.c, ARM with Thumb functions):
# stepping across state switches, breakpoint kinds, disassembly.
bs_gdb_test(thumb-step thumb_step thumb LABELS thumb)
bs_gdb_test(thumb-calls thumb_calls thumb LABELS thumb)

# The sessions above on -mthumb builds of their programs (Thumb user code
# over the ARM libc).
bs_gdb_test(basics-thumb basics basics-thumb LABELS thumb)
bs_gdb_test(detach-thumb detach basics-thumb LABELS thumb ENV ${expect_basics})
bs_gdb_test(stepi-roundtrip-thumb stepi_roundtrip basics-thumb LABELS thumb)
bs_gdb_test(seek-extended-thumb seek_extended basics-thumb LABELS thumb)
bs_gdb_test(reverse-continue-thumb reverse_continue loop-thumb LABELS thumb)
bs_gdb_test(watch-reverse-thumb watch_reverse watch-thumb LABELS thumb)
bs_gdb_test(watch-forward-live-thumb watch_forward watch-thumb LABELS thumb)
bs_gdb_test(watch-forward-replay-thumb watch_forward watch-thumb LABELS thumb ENV WATCH_REPLAY=1)
bs_watch_side_test(watch-side-thumb watchside-thumb LABELS thumb)
bs_gdb_test(reverse-step-thumb reverse_step calls-thumb LABELS thumb)
bs_gdb_test(reverse-next-big-thumb reverse_next_big calls-thumb LABELS thumb)
bs_gdb_test(replay-output-thumb replay_output printer-thumb LABELS thumb)
bs_gdb_test(interrupt-thumb interrupt spin-thumb LABELS thumb)
bs_gdb_test(crash-thumb crash crash-thumb LABELS thumb ENV BS_EXPECT_STATUS=139)
bs_gdb_test(interrupt-syscall-thumb interrupt_syscall blocked-thumb LABELS thumb)
bs_gdb_test(exit-stop-thumb exit_stop exitstop-thumb LABELS thumb ENV BS_EXPECT_STATUS=5)

# A BL pair whose second halfword is on an unmapped / non-executable page:
# the SIGSEGV names that page ($_siginfo, qXfer:siginfo).
bs_gdb_test(straddle-unmapped straddle straddle ARGS unmapped LABELS thumb ENV STRADDLE=unmapped BS_EXPECT_STATUS=139)
bs_gdb_test(straddle-noexec straddle straddle ARGS noexec LABELS thumb ENV STRADDLE=noexec BS_EXPECT_STATUS=139)
# VFP state through gdb: d0-d31/FPSCR restored by reverse-stepi, a watchpoint
# on a double both ways, finish from a function returning a double.
bs_gdb_test(vfp vfp vfp LABELS vfp)
