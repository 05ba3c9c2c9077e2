# How a session ends when gdb goes away or kills the program
# (gdb_goes_away.sh): exit status as gdbserver --once's for the same gdb
# commands on a host build of the program, one line saying why, no run-on.
# Included from CMakeLists.txt. Needs gdbserver (Debian package gdbserver,
# installed by scripts/setup.sh).
find_program(GDBSERVER gdbserver)
if(NOT GDBSERVER)
  message(STATUS "tests/reverse: gdbserver not found, reverse/gdb-goes-away-* disabled")
else()
  set(goes_away ${CMAKE_CURRENT_SOURCE_DIR}/gdb_goes_away.sh $<TARGET_FILE:backstep> ${GDB_MULTIARCH} ${GDBSERVER}
      ${CMAKE_C_COMPILER})
  foreach(c batch-end kill kill9-stopped kill9-running extended-batch-end)
    add_test(NAME reverse/gdb-goes-away-${c}
             COMMAND ${goes_away} ${CMAKE_CURRENT_SOURCE_DIR}/programs/spin.c ${CMAKE_CURRENT_BINARY_DIR}/gdb-spin ${c})
    set_tests_properties(reverse/gdb-goes-away-${c} PROPERTIES LABELS reverse TIMEOUT 90)
  endforeach()
  add_test(NAME reverse/gdb-goes-away-kill9-blocked
           COMMAND ${goes_away} ${CMAKE_CURRENT_SOURCE_DIR}/programs/blocked.c ${CMAKE_CURRENT_BINARY_DIR}/gdb-blocked
                   kill9-blocked)
  set_tests_properties(reverse/gdb-goes-away-kill9-blocked PROPERTIES LABELS reverse TIMEOUT 90)
endif()
# gdb killed at the exit stop: as `kill` there, the program's own status
# (exitstop.c returns 5); no gdbserver run.
add_test(NAME reverse/gdb-goes-away-exit-stop
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gdb_goes_away.sh $<TARGET_FILE:backstep> ${GDB_MULTIARCH} none none
                 ${CMAKE_CURRENT_SOURCE_DIR}/programs/exitstop.c ${CMAKE_CURRENT_BINARY_DIR}/gdb-exitstop kill9-stopped)
set_tests_properties(reverse/gdb-goes-away-exit-stop PROPERTIES LABELS reverse TIMEOUT 60 ENVIRONMENT EXIT_STOP=5)

# gdb connected through `-g unix:PATH` (`target remote PATH`); the socket
# file is removed (basics.c exits with 25 = scale(6) + 7).
add_test(NAME reverse/gdb-unix-socket
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gdb_unix_socket.sh $<TARGET_FILE:backstep> ${GDB_MULTIARCH}
                 ${CMAKE_CURRENT_BINARY_DIR}/gdb-basics 25)
set_tests_properties(reverse/gdb-unix-socket PROPERTIES LABELS reverse TIMEOUT 120)
