// pulumi-language-python, Sovereign Guard's stand-in: the Python language host for our end-to-end tier.
//
// The upstream host (module github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3) is not served by
// the Go module proxy this project can reach, so this host, built from the same pulumi SDK module as the CLI,
// takes its place. It does what the upstream host does for `pulumi preview` and `pulumi up` of a Python program
// with a Python policy pack, with the SDK's own pieces: the toolchain package picks the interpreter and virtualenv,
// the program runs through the SDK's pulumi-language-python-exec, and a policy pack runs as
// `<python> -u -m pulumi.policy <args> <pack dir>` behind the SDK's PolicyProxy, which hands it the stack's
// PULUMI_* environment. It implements nothing else (no dependency installation, code generation or debugging),
// and reports no required packages, so the CLI installs no plugin.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"time"

	"github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
)

// The exit code with which pulumi-language-python-exec says it has already shown the user an error.
const exitAfterUserActionableMessage = 32

func main() {
	showVersion := flag.Bool("version", false, "Print the plugin version and exit")
	flag.String("tracing", "", "Accepted for compatibility; tracing is not emitted")
	flag.Parse()
	if *showVersion {
		fmt.Println(version.Version)
		return
	}

	self, err := os.Executable()
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not determine current executable: %w", err))
	}
	executor := filepath.Join(filepath.Dir(self), "pulumi-language-python-exec")
	if _, err := os.Stat(executor); err != nil {
		cmdutil.Exit(fmt.Errorf("missing executor: %w", err))
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	cancelServing := make(chan bool)
	go func() {
		<-ctx.Done()
		stop()
		close(cancelServing)
	}()

	host := newHost(executor)
	if args := flag.Args(); len(args) > 0 {
		host.engineAddress = args[0]
		if err := rpcutil.Healthcheck(ctx, host.engineAddress, 5*time.Minute, stop); err != nil {
			cmdutil.Exit(fmt.Errorf("could not start health check host RPC server: %w", err))
		}
	}

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancelServing,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start language host RPC server: %w", err))
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("language host RPC stopped serving: %w", err))
	}
}

type pythonHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	executor      string
	engineAddress string
	cancelCtx     context.Context // cancelled by the Cancel RPC
	cancel        context.CancelFunc
}

func newHost(executor string) *pythonHost {
	ctx, cancel := context.WithCancel(context.Background())
	return &pythonHost{executor: executor, cancelCtx: ctx, cancel: cancel}
}

func (h *pythonHost) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.engineAddress = req.EngineAddress
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *pythonHost) GetPluginInfo(ctx context.Context, _ *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func (h *pythonHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *pythonHost) Cancel(ctx context.Context, _ *emptypb.Empty) (*emptypb.Empty, error) {
	h.cancel()
	return &emptypb.Empty{}, nil
}

// pythonOptions reads the runtime options of Pulumi.yaml or PulumiPolicy.yaml: `virtualenv` and `toolchain`.
func pythonOptions(info *pulumirpc.ProgramInfo) (toolchain.PythonOptions, error) {
	options := toolchain.PythonOptions{Root: info.RootDirectory, ProgramDir: info.ProgramDirectory}
	given := info.Options.AsMap()
	if virtualenv, ok := given["virtualenv"]; ok {
		name, ok := virtualenv.(string)
		if !ok {
			return options, errors.New("virtualenv option must be a string")
		}
		options.Virtualenv = name
	}
	if chosen, ok := given["toolchain"]; ok {
		switch chosen {
		case "pip":
			options.Toolchain = toolchain.Pip
		case "poetry":
			options.Toolchain = toolchain.Poetry
		case "uv":
			options.Toolchain = toolchain.Uv
		default:
			return options, fmt.Errorf("unsupported toolchain option: %v", chosen)
		}
	}
	if _, ok := given["typechecker"]; ok {
		return options, errors.New("the typechecker option is not supported by this stand-in language host")
	}
	return options, nil
}

// Run runs the program through pulumi-language-python-exec, as `pulumi preview` and `pulumi up` do.
func (h *pythonHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	options, err := pythonOptions(req.Info)
	if err != nil {
		return nil, err
	}
	tc, err := toolchain.ResolveToolchain(options)
	if err != nil {
		return nil, err
	}
	if err := tc.ValidateVenv(ctx); err != nil {
		return nil, err
	}
	runCtx, cancelRun := context.WithCancel(h.cancelCtx)
	defer cancelRun()
	context.AfterFunc(ctx, cancelRun)
	cmd, err := tc.Command(runCtx, append([]string{h.executor}, h.programArguments(req)...)...)
	if err != nil {
		return nil, err
	}
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	env := cmd.Env
	if env == nil {
		env = os.Environ()
	}
	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration: %w", err)
	}
	secretKeys, err := json.Marshal(append([]string{}, req.GetConfigSecretKeys()...))
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration secret keys: %w", err)
	}
	cmd.Env = append(env, "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys))

	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		switch {
		case errors.As(err, &exitErr) && exitErr.ExitCode() == exitAfterUserActionableMessage:
			return &pulumirpc.RunResponse{Bail: true}, nil
		case errors.As(err, &exitErr):
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("program exited with non-zero exit code: %d", exitErr.ExitCode()),
			}, nil
		default:
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("problem executing program (could not run language executor): %v", err),
			}, nil
		}
	}
	return &pulumirpc.RunResponse{}, nil
}

// programArguments are pulumi-language-python-exec's flags, then the entry point and the program's own arguments.
func (h *pythonHost) programArguments(req *pulumirpc.RunRequest) []string {
	var args []string
	flags := [][2]string{
		{"monitor", req.GetMonitorAddress()},
		{"engine", h.engineAddress},
		{"project", req.GetProject()},
		{"root_directory", req.GetInfo().RootDirectory},
		{"stack", req.GetStack()},
		{"pwd", req.GetPwd()},
		{"dry_run", strconv.FormatBool(req.GetDryRun())},
		{"parallel", strconv.Itoa(int(req.GetParallel()))},
		{"organization", req.GetOrganization()},
	}
	for _, flag := range flags {
		if flag[1] != "" {
			args = append(args, "--"+flag[0], flag[1])
		}
	}
	args = append(args, req.Info.EntryPoint)
	return append(args, req.GetArgs()...)
}

// RunPlugin starts a policy pack: `<python> -u -m pulumi.policy <args> <pack dir>` in the pack directory, behind
// the SDK's PolicyProxy, which receives the engine's ConfigureStack first and passes the stack to the pack as
// PULUMI_ORGANIZATION, PULUMI_PROJECT, PULUMI_STACK, PULUMI_DRY_RUN and PULUMI_CONFIG.
func (h *pythonHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	if req.Kind != string(apitype.AnalyzerPlugin) {
		return status.Errorf(codes.Unimplemented, "this stand-in language host runs only policy packs, not %s plugins",
			req.Kind)
	}
	ctx := server.Context()
	options, err := pythonOptions(req.Info)
	if err != nil {
		return err
	}
	tc, err := toolchain.ResolveToolchain(options)
	if err != nil {
		return err
	}
	args := append(append([]string{"-u", "-m", "pulumi.policy"}, req.Args...), req.Info.ProgramDirectory)
	cmd, err := tc.Command(ctx, args...)
	if err != nil {
		return err
	}
	cmd.Dir = req.Info.ProgramDirectory

	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()
	proxy, stdout, err := sdk.NewPolicyProxy(ctx, stdout)
	if err != nil {
		return fmt.Errorf("could not start policy pack proxy: %w", err)
	}
	stack, err := proxy.AwaitConfiguration(ctx)
	if err != nil {
		return fmt.Errorf("could not get stack configuration: %w", err)
	}
	if stack != nil {
		config := []byte{}
		if stack.Config != nil {
			if config, err = json.Marshal(stack.Config); err != nil {
				return fmt.Errorf("could not marshal stack configuration: %w", err)
			}
		}
		for _, variable := range [][2]string{
			{"PULUMI_ORGANIZATION", stack.Organization},
			{"PULUMI_PROJECT", stack.Project},
			{"PULUMI_STACK", stack.Stack},
			{"PULUMI_DRY_RUN", strconv.FormatBool(stack.DryRun)},
			{"PULUMI_CONFIG", string(config)},
		} {
			if variable[1] != "" {
				cmd.Env = append(cmd.Env, variable[0]+"="+variable[1])
			}
		}
	}
	cmd.Env = append(cmd.Env, req.Env...)
	cmd.Stdout, cmd.Stderr = stdout, stderr

	if err := cmd.Start(); err != nil {
		return fmt.Errorf("problem executing plugin program (could not run language executor): %w", err)
	}
	if err := proxy.Attach(ctx, cmd); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return server.Send(&pulumirpc.RunPluginResponse{
				Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(exitErr.ExitCode())},
			})
		}
		return fmt.Errorf("could not attach policy pack proxy: %w", err)
	}
	return closer.Close()
}
