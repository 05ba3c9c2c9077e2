# cmake --install BUILD --prefix P: P/bin/backstep, P/bin/backstep-dap (dap/), P/share/man/man1/backstep.1,
# and the optional binfmt_misc step: P/sbin/backstep-binfmt (run by hand, as
# root) and the interpreter it registers, P/libexec/backstep-binfmt-P.
include(GNUInstallDirs)
install(TARGETS backstep RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_SOURCE_DIR}/man/backstep.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The two scripts find each other and backstep by relative paths, so that
# the prefix can be chosen at install time.
file(RELATIVE_PATH SBIN_TO_LIBEXEC ${CMAKE_INSTALL_FULL_SBINDIR} ${CMAKE_INSTALL_FULL_LIBEXECDIR})
file(RELATIVE_PATH LIBEXEC_TO_BIN ${CMAKE_INSTALL_FULL_LIBEXECDIR} ${CMAKE_INSTALL_FULL_BINDIR})
foreach(script backstep-binfmt backstep-binfmt-P)
  configure_file(${CMAKE_SOURCE_DIR}/scripts/${script}.in ${CMAKE_BINARY_DIR}/scripts/${script} @ONLY)
endforeach()
install(PROGRAMS ${CMAKE_BINARY_DIR}/scripts/backstep-binfmt DESTINATION ${CMAKE_INSTALL_SBINDIR})
install(PROGRAMS ${CMAKE_BINARY_DIR}/scripts/backstep-binfmt-P DESTINATION ${CMAKE_INSTALL_LIBEXECDIR})
