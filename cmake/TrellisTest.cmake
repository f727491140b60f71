# trellis_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [GUI] [KEYRING] [POSTGRES] [LABELS <labels...>])
#
# One Qt Test program per class or behaviour area. Sets what every Trellis test needs:
# - a fixed locale, so messages and sorting do not depend on the machine;
# - QT_QPA_PLATFORM=offscreen for GUI tests;
# - KEYRING: the test runs under tests/with-keyring.sh, inside dbus-run-session with an unlocked
#   gnome-keyring-daemon (a real Secret Service with a throwaway keyring);
# - TRELLIS_TRELLISD (the server binary under test) and TRELLIS_TEST_DATA (tests/data);
# - CTest labels (unit, server, gui, e2e, postgres) so `ctest -L` picks a layer.
function(trellis_add_test)
    cmake_parse_arguments(T "GUI;KEYRING;POSTGRES" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test trellis_compile_options trellis_test_support ${T_LIBS})
    if(T_KEYRING)
        add_test(NAME ${T_NAME} COMMAND ${CMAKE_SOURCE_DIR}/tests/with-keyring.sh $<TARGET_FILE:${T_NAME}>)
    else()
        add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    endif()
    set(env
        "LC_ALL=C.UTF-8" "LANG=C.UTF-8" "LANGUAGE=en"
        # Request-by-request debug lines drown the failures in CI logs; info and warnings stay.
        "QT_LOGGING_RULES=trellis.*.debug=false"
        "TRELLIS_TRELLISD=$<TARGET_FILE:trellisd>"
        "TRELLIS_TEST_DATA=${CMAKE_SOURCE_DIR}/tests/data"
        "TRELLIS_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
    set(labels ${T_LABELS})
    if(T_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
        list(APPEND labels gui)
    endif()
    if(T_POSTGRES)
        list(APPEND labels postgres)
    endif()
    if(NOT labels)
        set(labels unit)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${env}" LABELS "${labels}" TIMEOUT 300)
endfunction()
