# Records every file that configuration found outside the source and build
# trees: CMake package config files, pkg-config modules (with what they
# require), libraries and programs found by find_library/find_program, and the
# run-time files the console and the tests need. A test checks that each
# of them belongs to a Debian package that installer/build-deps.txt pulls in
# without recommends, so the package list cannot depend on what happens to be
# installed on the machine that configures (installer/check-build-deps.sh).

# Run-time files that nothing finds at configure time but that the quick
# start needs: Qt's xcb (run.sh under xvfb-run) and offscreen (tests) platform
# plugins, libthai (Thai line breaking, loaded at run time), the Thai fonts
# the style names, and xvfb-run itself.
function(gtx_find_runtime_files out_var)
    set(files)
    set(platforms "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_PLUGINS}/platforms")
    find_file(GTX_RT_QXCB libqxcb.so PATHS "${platforms}" NO_DEFAULT_PATH)
    find_file(GTX_RT_QOFFSCREEN libqoffscreen.so PATHS "${platforms}" NO_DEFAULT_PATH)
    find_library(GTX_RT_LIBTHAI NAMES libthai.so.0 thai)
    find_file(GTX_RT_FONT_NOTO_THAI NotoSansThai-Regular.ttf
        PATHS /usr/share/fonts/truetype/noto NO_DEFAULT_PATH)
    find_file(GTX_RT_FONT_NOTO NotoSans-Regular.ttf
        PATHS /usr/share/fonts/truetype/noto NO_DEFAULT_PATH)
    find_file(GTX_RT_FONT_LOMA Loma.ttf
        PATHS /usr/share/fonts/truetype/tlwg NO_DEFAULT_PATH)
    find_program(GTX_RT_XVFB_RUN xvfb-run)
    find_program(GTX_RT_XAUTH xauth)
    foreach(v GTX_RT_QXCB GTX_RT_QOFFSCREEN GTX_RT_LIBTHAI GTX_RT_FONT_NOTO_THAI
              GTX_RT_FONT_NOTO GTX_RT_FONT_LOMA GTX_RT_XVFB_RUN GTX_RT_XAUTH)
        if(${v})
            list(APPEND files "${${v}}")
        else()
            list(APPEND files "NOTFOUND:${v}")
        endif()
    endforeach()
    set(${out_var} "${files}" PARENT_SCOPE)
endfunction()

function(gtx_record_found_dependencies out_file)
    set(found)
    get_cmake_property(vars VARIABLES)
    foreach(v IN LISTS vars)
        # Config files of find_package, also those found through
        # find_dependency inside other packages' configs.
        if(v MATCHES "_CONFIG$" AND EXISTS "${${v}}" AND NOT IS_DIRECTORY "${${v}}")
            list(APPEND found "${${v}}")
        endif()
        # pkg-config modules: the .pc file of each, and of what it requires.
        if(v MATCHES "_MODULE_NAME$" AND NOT "${${v}}" STREQUAL "")
            list(APPEND pc_modules "${${v}}")
        endif()
    endforeach()
    # FindOpenGL (reached through Qt6Gui's WrapOpenGL) probes every OpenGL
    # component; Qt links OpenGL::GL only (libOpenGL, libGLX), never EGL or
    # GLU, so those two probes are not dependencies.
    set(optional_probes OPENGL_egl_LIBRARY OPENGL_glu_LIBRARY)
    get_cmake_property(cache_vars CACHE_VARIABLES)
    foreach(v IN LISTS cache_vars)
        get_property(type CACHE "${v}" PROPERTY TYPE)
        if(v IN_LIST optional_probes)
            continue()
        endif()
        if(type STREQUAL "FILEPATH" AND IS_ABSOLUTE "${${v}}" AND EXISTS "${${v}}")
            list(APPEND found "${${v}}")
        endif()
    endforeach()
    if(pc_modules)
        execute_process(
            COMMAND ${PKG_CONFIG_EXECUTABLE} --print-requires --print-requires-private ${pc_modules}
            OUTPUT_VARIABLE requires OUTPUT_STRIP_TRAILING_WHITESPACE)
        string(REGEX REPLACE "[ \t]*[<>=]+[ \t]*[^ \t\n]+" "" requires "${requires}")
        string(REPLACE "\n" ";" requires "${requires}")
        foreach(m IN LISTS pc_modules requires)
            string(STRIP "${m}" m)
            if(m STREQUAL "")
                continue()
            endif()
            execute_process(COMMAND ${PKG_CONFIG_EXECUTABLE} --path "${m}"
                OUTPUT_VARIABLE pc OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
            if(rc EQUAL 0 AND EXISTS "${pc}")
                list(APPEND found "${pc}")
            endif()
        endforeach()
    endif()
    gtx_find_runtime_files(runtime)
    list(APPEND found ${runtime})
    set(kept)
    foreach(f IN LISTS found)
        cmake_path(IS_PREFIX CMAKE_SOURCE_DIR "${f}" NORMALIZE in_source)
        cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${f}" NORMALIZE in_build)
        if(NOT in_source AND NOT in_build)
            list(APPEND kept "${f}")
        endif()
    endforeach()
    list(REMOVE_DUPLICATES kept)
    list(SORT kept)
    list(JOIN kept "\n" text)
    file(WRITE "${out_file}" "${text}\n")
endfunction()
